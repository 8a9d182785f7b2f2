package dev.chimney.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.chimney.rules.RuleCatalogue;
import dev.chimney.rules.Verdict;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.TcpDelegatedState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestReaderTest {
  private final ManifestReader reader = new ManifestReader(RuleCatalogue.load());

  @TempDir
  Path root;
  Path traces;

  @BeforeEach
  void tracesFolder() throws Exception {
    traces = Files.createDirectories(root.resolve("traces/sub"));
    Files.write(traces.resolve("x.pcap"), new byte[0]);
  }

  private Path manifest(String yaml) throws Exception {
    return Files.writeString(traces.resolve("m.yaml"), yaml);
  }

  @Test
  void readsEveryField() throws Exception {
    TraceManifest m = reader.read(manifest("""
        capture: x.pcap
        description: a trace
        target: "[2001:db8::1]:80"
        peer: 198.51.100.7
        actions:
          - {packet: 4, do: send, bytes: 1000, id: 1}
          - {time: 0.25, connection: TCP2, do: abortive-disconnect}
          - {packet: 9, do: terminate, status: NDIS_STATUS_SUCCESS, delegated: {sndUna: 1, rcvNxt: 4294967295}}
        expect:
          DSC-3: FAIL
          TOC-3: PASS
        """));
    assertThat(m.capture()).isEqualTo(traces.resolve("x.pcap").toAbsolutePath().normalize());
    assertThat(m.target()).hasToString("[2001:db8:0:0:0:0:0:1]:80");
    assertThat(m.peer()).hasToString("198.51.100.7");
    assertThat(m.actions()).hasSize(3);
    assertThat(m.actions().get(0)).extracting(HostAction::kind, HostAction::packet, HostAction::bytes, HostAction::ids,
        HostAction::connection, HostAction::source).containsExactly(ActionKind.SEND, 4L, 1000, java.util.List.of(1L),
        "TCP1", "m.yaml:6");
    assertThat(m.actions().get(1).offsetNanos()).isEqualTo(250_000_000L);
    assertThat(m.actions().get(2).status()).isEqualTo(NdisStatus.SUCCESS);
    assertThat(m.actions().get(2).delegated()).containsEntry(TcpDelegatedState.Field.RCV_NXT, 4294967295L);
    assertThat(m.expect()).containsExactly(java.util.Map.entry("DSC-3", Verdict.FAIL), java.util.Map.entry("TOC-3", Verdict.PASS));
    assertThat(m.expectLines()).containsEntry("TOC-3", 11);
  }

  @Test
  void valuesDatabindCoercesMeanWhatTheyAlwaysMeant() throws Exception {
    TraceManifest m = reader.read(manifest("""
        capture: x.pcap
        actions:
          - {packet: "4", do: send, bytes: "10", id: 3}
          - {time: 1, do: abortive-disconnect}
          - {packet: 5, do: send-complete, ids: ["3"]}
        """));
    assertThat(m.actions()).extracting(HostAction::packet, HostAction::offsetNanos, HostAction::bytes, HostAction::ids)
        .containsExactly(tuple(4L, -1L, 10, java.util.List.of(3L)), tuple(0L, 1_000_000_000L, 0, java.util.List.of()),
            tuple(5L, -1L, 0, java.util.List.of(3L)));
  }

  static Stream<Arguments> badManifests() {
    return Stream.of(
        Arguments.of("unknown rule ID", "capture: x.pcap\nexpect:\n  DSC-99: PASS", ":3: unknown rule ID 'DSC-99' ('chimney rules' lists them)"),
        Arguments.of("unknown verdict", "capture: x.pcap\nexpect:\n  DSC-3: GREEN", ":3: unknown verdict 'GREEN' for DSC-3 (PASS, FAIL, NOT_EXERCISED or NOT_APPLICABLE)"),
        Arguments.of("path outside the folder", "capture: ../../elsewhere.pcap", ":1: capture '../../elsewhere.pcap' lies outside the traces folder"),
        Arguments.of("absolute path", "capture: /etc/passwd", ":1: capture '/etc/passwd' must be a path relative to the manifest"),
        Arguments.of("wrong type for packet", "capture: x.pcap\nactions:\n  - {packet: seven, do: offload}", ":3: Cannot deserialize value of type"),
        Arguments.of("a float for packet", "capture: x.pcap\nactions:\n  - {packet: 1.5, do: offload}", ":3: Cannot coerce Floating-point value (1.5) to a whole number"),
        Arguments.of("actions not a list", "capture: x.pcap\nactions: 7", ":2: 'actions' must be a list, not a number"),
        Arguments.of("capture not text", "capture: [a, b]", ":1: 'capture' must be text, not a list"),
        Arguments.of("unknown key", "capture: x.pcap\ntarget: 192.0.2.1\nspeed: 10", ":3: unknown key 'speed' (known: capture, description, target, peer, actions, expect, compare-window)"),
        Arguments.of("unknown action key", "capture: x.pcap\nactions:\n  - {packet: 1, do: offload, colour: red}", ":3: unknown key 'colour'"),
        Arguments.of("unknown action", "capture: x.pcap\nactions:\n  - {packet: 1, do: dance}", ":3: unknown action 'dance' (known: offload, send,"),
        Arguments.of("packet and time", "capture: x.pcap\nactions:\n  - {packet: 1, time: 2, do: offload}", ":3: the action needs exactly one of 'packet:'"),
        Arguments.of("packet zero", "capture: x.pcap\nactions:\n  - {packet: 0, do: offload}", ":3: packet 0: packets are numbered from 1"),
        Arguments.of("bad endpoint", "capture: x.pcap\ntarget: example.org", ":2: 'example.org' is not an IPv4 or IPv6 address"),
        Arguments.of("bad port", "capture: x.pcap\ntarget: 192.0.2.1:99999", ":2: '192.0.2.1:99999': the port must be a number from 0 to 65535"),
        Arguments.of("bad status", "capture: x.pcap\nactions:\n  - {packet: 1, do: send-complete, ids: [1], status: FINE}", ":3: unknown status 'FINE'"),
        Arguments.of("bad delegated name", "capture: x.pcap\nactions:\n  - {packet: 1, do: terminate, delegated: {cwnd: 1}}", ":3: unknown delegated variable 'cwnd'"),
        Arguments.of("a quoted value spanning lines (found by the long fuzz run)", "capture: x.pcap\ntarget: \"\n  [2001:db8::7]:40000\"", ":2: ' [2001:db8::7]:40000' is not an IPv4 or IPv6 address"),
        Arguments.of("no capture", "target: 192.0.2.1", ": no 'capture:' naming the capture file"),
        Arguments.of("not a mapping", "- just a list", ":1: a manifest is a mapping with at least 'capture:'"),
        Arguments.of("broken YAML", "capture: x.pcap\nexpect: {DSC-3: PASS", ":2: while parsing a flow mapping"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badManifests")
  void badManifestsGetOneLineWithFileAndLine(String name, String yaml, String expected) throws Exception {
    Path m = manifest(yaml);
    assertThatThrownBy(() -> reader.read(m)).isInstanceOf(ManifestException.class)
        .hasMessageStartingWith(m + expected.strip().replaceFirst(" .*", "").replaceFirst("^(:\\d*)$", "$1"))
        .hasMessageContaining(expected.strip().replaceFirst("^:\\d*:? ?", ""))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("java."));
  }

  @Test
  void aMissingManifestIsNamed() {
    Path m = traces.resolve("nope.yaml");
    assertThatThrownBy(() -> reader.read(m)).hasMessage(m + ": no such file");
  }

  @Test
  void aCaptureLinkedOutsideTheFolderIsRefused() throws Exception {
    Path outside = Files.write(root.resolve("outside.pcap"), new byte[0]);
    Files.createSymbolicLink(traces.resolve("link.pcap"), outside);
    Path m = manifest("capture: link.pcap\n");
    assertThatThrownBy(() -> reader.read(m)).hasMessageContaining(":1: capture 'link.pcap' links outside the traces folder");
  }
}
