package dev.chimney.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.TargetRegistry;
import dev.chimney.host.Timeouts;
import dev.chimney.rules.Verdict;
import dev.chimney.spi.Capability;
import dev.chimney.spi.Link;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetContext;
import dev.chimney.trace.ManifestReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --timing fast} waits for the target's answer by how far it reaches, not by how many
 * segments came: a target whose segments leave one at a time must have sent all the recorded data
 * before the peer's recorded ACK of it goes.
 */
class ReplayPacingTest {
  /** Time between two segments of the spaced target: far longer than the link's delay. */
  private static final long SPACING_NANOS = 1_000_000;

  @TempDir
  Path out;

  @Test
  void aRecordedAckOfAllTheDataWaitsForEverySegmentOfIt() throws Exception {
    // graceful.pcap: one 3000-byte segment, then the peer's ACK of it. The spaced reference NIC
    // sends the 3000 bytes as three segments 1 ms apart.
    RecordedTrace trace = RecordedTraceReader.read(new ManifestReader(ReplayTraces.CATALOGUE)
        .read(ReplayTraces.TRACES.resolve("linux/graceful.yaml")), RecordedTraceReader.FIRST_CONNECTION);
    OffloadTargetProvider nic = TargetRegistry.discover(List.of()).get("reference-nic");

    ReplayReport r = new Replayer(ReplayTraces.CATALOGUE, Timeouts.DEFAULTS)
        .replay(trace, spaced(nic), "spaced-reference-nic", Timing.fast, out);

    assertThat(r.problems()).as("the peer acknowledged nothing it had not seen").isEmpty();
    assertThat(r.differences()).as(ReplayTraces.describe(r)).isEmpty();
    assertThat(r.rules()).as(ReplayTraces.describe(r)).noneMatch(rule -> rule.verdict() == Verdict.FAIL);
  }

  /** {@code nic} with a transmitter that lets one segment out every {@link #SPACING_NANOS}. */
  private static OffloadTargetProvider spaced(OffloadTargetProvider nic) {
    return new OffloadTargetProvider() {
      @Override
      public String name() {
        return "spaced-reference-nic";
      }

      @Override
      public String description() {
        return "the reference NIC, its segments 1 ms apart";
      }

      @Override
      public Set<Capability> capabilities() {
        return nic.capabilities();
      }

      @Override
      public OffloadTarget create(TargetContext context) throws Exception {
        Link slow = new Link() {
          private long nextSlot;

          @Override
          public void transmit(byte[] ipPacket) {
            byte[] copy = ipPacket.clone();
            long now = context.clock().nanoTime();
            nextSlot = Math.max(nextSlot, now) + SPACING_NANOS;
            context.clock().schedule(nextSlot - now, () -> context.link().transmit(copy));
          }
        };
        return nic.create(new TargetContext(context.host(), slow, context.clock(), context.localAddress(),
            context.settings()));
      }
    };
  }
}
