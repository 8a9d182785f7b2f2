package dev.chimney.remote.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Op's wire names are derived from its constants, so renaming one would change the protocol: this
 * holds every op to the tables of {@code docs/target-protocol.md}, its direction and, for a crossing
 * of the chimney interface, its NDIS name.
 */
class OpTest {
  private static final Path PROTOCOL = Path.of("..", "docs", "target-protocol.md");
  /** A table row: the op in backquotes, then the SPI or host function column. */
  private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| ([^|]+?) \\|");

  @Test
  void callsAreTheDocumentsCallsInItsOrder() throws IOException {
    assertThat(Arrays.stream(Op.values()).filter(Op::isCall).map(Op::wireName))
        .containsExactlyElementsOf(table("### Calls").keySet());
  }

  @Test
  void upcallsAreTheDocumentsUpcallsInItsOrder() throws IOException {
    assertThat(Arrays.stream(Op.values()).filter(op -> !op.isCall()).map(Op::wireName))
        .containsExactlyElementsOf(table("### Upcalls").keySet());
  }

  @Test
  void anInterfaceCrossingIsDocumentedUnderItsNdisName() throws IOException {
    Map<String, String> documented = new LinkedHashMap<>(table("### Calls"));
    documented.putAll(table("### Upcalls"));
    List<Op> crossings = Arrays.stream(Op.values())
        .filter(op -> op.api() != null && !op.api().harnessRequest()).toList();

    assertThat(crossings).hasSizeGreaterThan(15);
    for (Op op : crossings) {
      assertThat(documented.get(op.wireName())).as("the NDIS name of %s", op.wireName())
          .isEqualTo("`" + op.api().ndisName() + "`");
    }
  }

  @Test
  void ofFindsEveryOpByItsWireNameAndRefusesOthers() {
    for (Op op : Op.values()) {
      assertThat(Op.of(op.wireName())).isSameAs(op);
    }
    assertThatThrownBy(() -> Op.of("initiate_offload")).isInstanceOf(MessageException.class)
        .hasMessageContaining("unknown op \"initiate_offload\"");
  }

  /** The op -> second column rows of the table under {@code heading}, in order. */
  private static Map<String, String> table(String heading) throws IOException {
    List<String> lines = Files.readAllLines(PROTOCOL);
    int start = 0;
    while (start < lines.size() && !lines.get(start).startsWith(heading)) {
      start++;
    }
    assertThat(start).as("%s in %s", heading, PROTOCOL).isLessThan(lines.size());
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("#")) {
        break;
      }
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        rows.put(m.group(1), m.group(2).trim());
      }
    }
    return rows;
  }
}
