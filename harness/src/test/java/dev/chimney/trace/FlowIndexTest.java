package dev.chimney.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The open-addressing index agrees with a HashMap through growth and many removals. */
class FlowIndexTest {
  private static final long SEED = 42;
  private static final int OPERATIONS = 200_000;
  /** Few distinct keys, so that removals hit long probe runs and reuse keys. */
  private static final int KEYS = 5_000;

  private static TraceConnection connection(int i) {
    IpAddress peer = IpAddress.parse("198.51.100." + (i % 250 + 1));
    IpAddress target = IpAddress.parse("192.0.2.1");
    FlowKey key = FlowKey.of(peer, 40_000 + i / 250, target, 80);
    return new TraceConnection(i, key, null, null);
  }

  private static TraceConnection find(FlowIndex index, FlowKey k) {
    return index.get(k.aHigh(), k.aLow(), k.bHigh(), k.bLow(), k.ports());
  }

  @Test
  void agreesWithAHashMapThroughRandomPutsAndRemoves() {
    FlowIndex index = new FlowIndex();
    Map<FlowKey, TraceConnection> expected = new HashMap<>();
    List<TraceConnection> all = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      all.add(connection(i));
    }
    Random random = new Random(SEED);
    for (int op = 0; op < OPERATIONS; op++) {
      TraceConnection c = all.get(random.nextInt(KEYS));
      if (random.nextBoolean()) {
        index.put(c);
        expected.put(c.key, c);
      } else {
        boolean wasThere = expected.get(c.key) == c;
        assertThat(index.remove(c)).as("remove %s at operation %d", c.name, op).isEqualTo(wasThere);
        expected.remove(c.key);
      }
    }
    assertThat(index.size()).isEqualTo(expected.size());
    for (TraceConnection c : all) {
      assertThat(find(index, c.key)).as(c.name).isSameAs(expected.get(c.key));
    }
    assertThat(index.values()).containsExactlyInAnyOrderElementsOf(expected.values());
  }

  @Test
  void removingAnAbsentConnectionChangesNothing() {
    FlowIndex index = new FlowIndex();
    TraceConnection c = connection(1);
    index.put(c);

    assertThat(index.remove(connection(2))).isFalse();
    assertThat(find(index, c.key)).isSameAs(c);
    assertThat(index.size()).isEqualTo(1);
  }
}
