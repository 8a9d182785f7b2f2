package dev.chimney.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.rules.Certification;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificationMarkdownTest {
  @TempDir Path outDir;
  private Certification certification;
  private List<String> lines;

  @BeforeEach
  void render() throws IOException {
    certification = ReportFixtures.certification(outDir);
    lines = CertificationMarkdown.render(certification).lines().toList();
  }

  @Test
  void headingNamesTargetAndOutcome() {
    assertThat(lines.get(0)).isEqualTo("# " + ReportFixtures.TARGET + ": NOT CERTIFIED");
    Certification passing = new Certification("reference-nic", true, List.of(), List.of());
    assertThat(CertificationMarkdown.render(passing)).startsWith("# reference-nic: CERTIFIED\n");
  }

  @Test
  void oneTableRowPerRuleInCatalogueOrder() {
    List<String> rows = tableRows();
    assertThat(rows).as("rule rows").hasSize(certification.rules().size());
    assertThat(rows.get(0)).startsWith("| DSC-3 | required | FAIL | 2 | ");
    assertThat(rows.get(1)).isEqualTo("| TOC-1 | required | PASS | 2 |  |");
    assertThat(rows.get(2)).isEqualTo("| FWD-1 | optional | NOT_APPLICABLE | 0 | "
        + ReportFixtures.NOT_APPLICABLE_REASON + " |");
    assertThat(rows.get(3)).isEqualTo("| TRM-8 | required | NOT_EXERCISED | 0 | "
        + ReportFixtures.NOT_EXERCISED_REASON + " |");
  }

  @Test
  void failedRuleShowsEveryEvidenceMessageEscaped() {
    String dsc3 = tableRows().get(0);
    assertThat(dsc3).as("DSC-3 row, both messages joined by <br>").contains(
        "DSC-3: expected no RST without an abortive disconnect, actual RST seq 1001 \\| ack 0 &lt;flags R&gt;; "
            + "capture captures/upload-half-close.pcapng packet 14<br>DSC-3: expected");
    assertThat(dsc3).as("DSC-3 row, second message").contains("RST seq 2001; capture captures/upload-half-close"
        + ".pcapng packet 22 |");
    assertThat(dsc3.replace("\\|", "").chars().filter(c -> c == '|').count())
        .as("unescaped pipes in DSC-3 row (cell borders only)").isEqualTo(6);
  }

  @Test
  void escapeKeepsCellsOnOneRow() {
    assertThat(CertificationMarkdown.escape("a|b\nc<d>&e")).isEqualTo("a\\|b<br>c&lt;d&gt;&amp;e");
  }

  private List<String> tableRows() {
    int header = lines.indexOf("| rule | level | verdict | scenarios | evidence |");
    assertThat(header).as("table header line").isNotNegative();
    assertThat(lines.get(header + 1)).isEqualTo("|---|---|---|---|---|");
    return lines.subList(header + 2, lines.size());
  }
}
