package dev.chimney.report;

import dev.chimney.rules.Certification;
import java.io.IOException;
import java.nio.file.Path;

/** Writes every report of a run into its output folder. */
public final class Reports {
  private Reports() {}

  /**
   * Writes {@code certification.json}, {@code certification.md} and {@code allure-report/index.html}
   * (from the Allure results in {@code allureResults}) into {@code outDir}.
   */
  public static void writeAll(Certification certification, Path outDir, Path allureResults) throws IOException {
    throw new UnsupportedOperationException("TODO");
  }
}
