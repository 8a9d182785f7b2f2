package dev.chimney.trace;

import dev.chimney.rules.Verdict;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A capture's manifest, read by {@link ManifestReader}: which capture, which endpoint is the offload
 * target and which the peer, what the host stack did and when, and the verdict each rule should get.
 * The format is documented in {@code traces/README.md}. Immutable.
 *
 * @param file the manifest file
 * @param capture the capture, resolved and checked to lie inside the traces folder
 * @param description what the trace shows, or null
 * @param target the offload target's endpoint, or null when unknown
 * @param peer the peer's endpoint, or null when not given
 * @param actions the host actions, in file order; empty when the capture's comments are to be used
 * @param expect the expected verdict per rule ID, in file order
 * @param expectLines the manifest line of each expectation, for messages
 * @param compareWindow whether {@code replay} compares the target's window field with the recording's
 *     ({@code compare-window: true}); false by default, since a window follows buffer sizes
 */
public record TraceManifest(Path file, Path capture, String description, EndpointPattern target,
    EndpointPattern peer, List<HostAction> actions, Map<String, Verdict> expect, Map<String, Integer> expectLines,
    boolean compareWindow) {
  public TraceManifest {
    actions = List.copyOf(actions);
    expect = Collections.unmodifiableMap(new LinkedHashMap<>(expect));
    expectLines = Map.copyOf(expectLines);
  }
}
