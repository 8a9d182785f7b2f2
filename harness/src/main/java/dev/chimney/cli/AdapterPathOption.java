package dev.chimney.cli;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --adapter-path} option, shared by {@code certify} and {@code list-targets}. */
final class AdapterPathOption {
  @Option(names = "--adapter-path", paramLabel = "PATH[:PATH...]",
      description = "Jars, or folders of jars, holding more targets (OffloadTargetProvider in "
          + "META-INF/services), separated by '${sys:path.separator}'. Repeatable.")
  private List<String> values = new ArrayList<>();

  /**
   * The entries in the order given.
   *
   * @throws UserError for an entry that is not a path on this system
   */
  List<Path> entries() {
    List<Path> entries = new ArrayList<>();
    for (String value : values) {
      for (String entry : value.split(File.pathSeparator)) {
        if (entry.isBlank()) {
          continue;
        }
        try {
          entries.add(Path.of(entry));
        } catch (InvalidPathException e) {
          throw new UserError("adapter path entry is not a valid path: " + entry);
        }
      }
    }
    return entries;
  }
}
