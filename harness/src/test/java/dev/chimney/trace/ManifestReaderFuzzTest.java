package dev.chimney.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.rules.RuleCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Manifests with their text damaged: characters replaced, inserted or cut off. The reader either
 * accepts the result or refuses it with one {@link ManifestException} line naming the file; no
 * other exception. Short budget by default, long under {@code -P fuzz-long}.
 */
class ManifestReaderFuzzTest {
  private static final String VALID = """
      capture: x.pcap
      description: "fuzz seed"
      target: 192.0.2.1:80
      peer: "[2001:db8::7]:40000"
      actions:
        - {packet: 4, do: send, bytes: 1000, id: 1}
        - {time: 0.5, connection: TCP2, do: graceful-disconnect, bytes: 10}
        - {packet: 7, do: send-complete, ids: [1, 2], status: SUCCESS}
        - {packet: 9, do: terminate, delegated: {sndUna: 1, sndNxt: 2, sndMax: 3, rcvNxt: 4}}
      expect:
        DSC-3: PASS
        TOC-3: FAIL
      """;
  private static final String ALPHABET = "{}[]:,-\"' \n\t#&*!|>%@`0123456789.abcdefxyzDSCTOP_\\";
  private static final ManifestReader READER = new ManifestReader(RuleCatalogue.load());
  private static Path dir;

  @BeforeContainer
  static void folder() throws Exception {
    dir = Files.createDirectories(Files.createTempDirectory("fuzz").resolve("traces"));
  }

  @AfterContainer
  static void cleanUp() throws Exception {
    try (var files = Files.walk(dir.getParent())) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  record Edit(int at, String insert, int delete, int cut) {}

  @Provide
  Arbitrary<Edit> edits() {
    return Combinators.combine(Arbitraries.integers().between(0, VALID.length()),
        Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(8),
        Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, VALID.length())).as(Edit::new);
  }

  @Property
  void damagedManifestsAreReadOrRefusedInOneLine(@ForAll("edits") Edit e) throws Exception {
    String text = VALID.substring(0, e.at()) + e.insert() + VALID.substring(Math.min(VALID.length(), e.at() + e.delete()));
    text = text.substring(0, Math.max(0, text.length() - e.cut() % (text.length() + 1)));
    Path m = Files.writeString(dir.resolve("m.yaml"), text);
    try {
      READER.read(m);
    } catch (ManifestException ex) {
      assertThat(ex.getMessage()).startsWith(m.toString()).doesNotContain("\n");
    }
  }
}
