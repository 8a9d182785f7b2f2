package dev.chimney.kernel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The targets not yet closed, closed by a shutdown hook when the JVM is interrupted mid-scenario,
 * so their sockets go in repair mode (sending nothing) and their namespaces go at once. Even
 * without the hook nothing would outlive the process: the namespaces are anonymous and end with
 * their last descriptor.
 */
final class LiveTargets {
  private static final Set<KernelTarget> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(KernelTarget::close), "linux-kernel-cleanup"));
  }

  private LiveTargets() {}

  static void add(KernelTarget t) {
    LIVE.add(t);
  }

  static void remove(KernelTarget t) {
    LIVE.remove(t);
  }
}
