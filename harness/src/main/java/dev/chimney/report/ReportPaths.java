package dev.chimney.report;

import java.nio.file.Path;

/** Paths as the reports print them: relative to the output folder, with '/' on every platform. */
final class ReportPaths {
  private ReportPaths() {}

  /**
   * {@code file} relative to {@code outDir}, or null when {@code file} is null. A file outside the
   * output folder gets a {@code ../} path: still relative, so the report stays movable with it.
   */
  static String relative(Path outDir, Path file) {
    if (file == null) {
      return null;
    }
    Path base = outDir.toAbsolutePath().normalize();
    Path target = file.toAbsolutePath().normalize();
    return base.relativize(target).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
