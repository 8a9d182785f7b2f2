package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.spi.OffloadTargetProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds adapter jars the way a third party would: a provider class compiled against the SPI
 * alone, listed in {@code META-INF/services}.
 */
final class TestAdapterJars {
  private TestAdapterJars() {}

  static final String SERVICES = "META-INF/services/" + OffloadTargetProvider.class.getName();
  static final String DESCRIPTION = "A target built by the test";

  /** A jar with one provider {@code dev.example.<className>} named {@code targetName}. */
  static Path providerJar(Path dir, String jarName, String className, String targetName) throws IOException {
    return providerJar(dir, jarName, className, targetName, "");
  }

  /** As above, the constructor running {@code constructorBody}. */
  static Path providerJar(Path dir, String jarName, String className, String targetName, String constructorBody)
      throws IOException {
    Path sources = Files.createTempDirectory(dir, "src");
    Path classes = Files.createTempDirectory(dir, "classes");
    Path source = sources.resolve(className + ".java");
    Files.writeString(source, """
        package dev.example;

        import dev.chimney.spi.Capability;
        import dev.chimney.spi.OffloadTarget;
        import dev.chimney.spi.OffloadTargetProvider;
        import dev.chimney.spi.TargetContext;
        import java.util.Set;

        public final class %1$s implements OffloadTargetProvider {
          public %1$s() { %2$s }
          @Override public String name() { return "%3$s"; }
          @Override public String description() { return "%4$s"; }
          @Override public Set<Capability> capabilities() { return Set.of(Capability.FORWARD, Capability.STATE_TREE); }
          @Override public OffloadTarget create(TargetContext context) { throw new UnsupportedOperationException(); }
        }
        """.formatted(className, constructorBody, targetName, DESCRIPTION));
    compile(source, classes);
    Path jar = dir.resolve(jarName);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, SERVICES, ("dev.example." + className + "\n").getBytes(StandardCharsets.UTF_8));
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
      }
    }
    return jar;
  }

  /** A jar whose services file names a class the jar does not hold. */
  static Path jarListingMissingClass(Path dir, String jarName, String className) throws IOException {
    Path jar = dir.resolve(jarName);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, SERVICES, (className + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  /** A jar holding the given resources, e.g. feature files. */
  static Path jarWith(Path jar, List<String> names, List<String> contents) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (int i = 0; i < names.size(); i++) {
        put(out, names.get(i), contents.get(i).getBytes(StandardCharsets.UTF_8));
      }
    }
    return jar;
  }

  private static void compile(Path source, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(diagnostics, files, null,
          List.of("-d", classes.toString(), "-classpath", spiLocation().toString(), "-proc:none"),
          null, files.getJavaFileObjects(source.toFile())).call();
      assertThat(ok).as("compiling the test provider %s:%n%s", source, diagnostics).isTrue();
    }
  }

  /** Where the SPI's classes are: a folder in the reactor build, a jar elsewhere. */
  private static Path spiLocation() {
    try {
      return Path.of(OffloadTargetProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(JarOutputStream jar, String name, byte[] content) throws IOException {
    jar.putNextEntry(new JarEntry(name));
    jar.write(content);
    jar.closeEntry();
  }
}
