package dev.chimney.remote;

import dev.chimney.host.TargetRegistry;
import dev.chimney.host.TargetRegistryException;
import dev.chimney.spi.Capability;
import dev.chimney.spi.OffloadTargetProvider;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Resolves what {@code --target} names: a target in the JVM (see {@link TargetRegistry}), {@code
 * process:COMMAND}, or {@code tcp:HOST:PORT}. Called by {@code certify} and by the Cucumber glue,
 * which resolve the same name: remote providers are kept per name and adapter path, so that the run
 * starts one target process, not one per caller.
 */
public final class RemoteTargets {
  private RemoteTargets() {}

  /** The prefix of a target started as a child process. */
  public static final String PROCESS = "process:";
  /** The prefix of a target reached over TCP. */
  public static final String TCP = "tcp:";
  /** The class the child JVM of {@code process:NAME} runs, with {@code serve-target}: the CLI. */
  static final String CLI_MAIN = "dev.chimney.cli.Main";

  private static final Map<String, RemoteTargetProvider> REMOTE = new ConcurrentHashMap<>();

  /** Whether {@code target} names a remote target. */
  public static boolean isRemote(String target) {
    return target.startsWith(PROCESS) || target.startsWith(TCP);
  }

  /**
   * Whether {@code target}, resolved to {@code provider}, runs in this JVM on real time (the
   * kernel's): its scenarios wait on real timers, not on the harness's virtual clock nor on a remote
   * target that serves one scenario at a time.
   */
  public static boolean inProcessOnRealTime(OffloadTargetProvider provider, String target) {
    return !provider.capabilities().contains(Capability.VIRTUAL_TIME) && !isRemote(target);
  }

  /**
   * The provider {@code target} names. For {@code process:NAME}, where NAME is a target in the JVM,
   * the child is this JVM's class path running {@code chimney serve-target --target NAME}; for any other
   * {@code process:COMMAND}, the command split at spaces (no shell). A remote target is started and
   * shaken hands with here.
   *
   * @param adapterPath jars searched for targets, here and in a served child
   * @throws TargetRegistryException with a one-line message when the name is unknown or malformed,
   *     or the remote target cannot start
   */
  public static OffloadTargetProvider resolve(List<Path> adapterPath, String target) {
    if (!isRemote(target)) {
      return TargetRegistry.discover(adapterPath).get(target);
    }
    String key = target + File.pathSeparator + adapterPath;
    RemoteTargetProvider provider = REMOTE.computeIfAbsent(key, k -> new RemoteTargetProvider(target,
        target.startsWith(TCP) ? tcp(target) : process(target, adapterPath)));
    try {
      provider.connect();
    } catch (RemoteTargetException e) {
      throw new TargetRegistryException("target " + target + " cannot start: " + e.getMessage());
    }
    return provider;
  }

  /**
   * A folder name for the target's reports: the name itself for a target in the JVM, its words
   * joined by dashes for a remote one ({@code process:reference-nic} gives {@code
   * process-reference-nic}).
   */
  public static String folderName(String target) {
    String s = target.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("(^-+|-+$)", "");
    return s.length() > 80 ? s.substring(0, 80) : s;
  }

  private static Supplier<Transport> process(String target, List<Path> adapterPath) {
    String command = target.substring(PROCESS.length()).strip();
    if (command.isEmpty()) {
      throw new TargetRegistryException("process: needs a command, e.g. process:reference-nic or process:python3 t.py");
    }
    List<String> words = List.of(command.split("\\s+"));
    if (words.size() == 1 && TargetRegistry.discover(adapterPath).targets().stream()
        .anyMatch(f -> f.provider().name().equals(command))) {
      List<String> child = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
          CLI_MAIN, "serve-target", "--target", command));
      if (!adapterPath.isEmpty()) {
        child.add("--adapter-path");
        child.add(adapterPath.stream().map(p -> p.toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator)));
      }
      return () -> ChildProcess.start(child);
    }
    return () -> ChildProcess.start(words);
  }

  private static Supplier<Transport> tcp(String target) {
    String address = target.substring(TCP.length());
    int colon = address.lastIndexOf(':');
    int port = -1;
    if (colon > 0) {
      try {
        port = Integer.parseInt(address.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
    }
    if (port < 1 || port > 65535) {
      throw new TargetRegistryException("tcp: needs HOST:PORT with a port from 1 to 65535, got '" + address + "'");
    }
    String host = address.substring(0, colon);
    int p = port;
    return () -> SocketTransport.connect(host, p);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
