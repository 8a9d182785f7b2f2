package dev.chimney.kernel;

import com.sun.jna.Native;
import dev.chimney.spi.Link;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The target's one thread, which lives in a network namespace of its own: it calls {@code
 * unshare(CLONE_NEWNET)} first, so the namespace exists only while the thread and the descriptors
 * opened in it do. It needs no name and no clean-up command: when the thread ends and the TUN
 * device and the sockets are closed, the kernel destroys the namespace with everything in it
 * (TIME_WAIT entries included), even when the JVM is killed. Nothing shows in {@code ip netns list}.
 *
 * <p>The thread runs every system call of the target, in submission order: the tasks other threads
 * hand it through {@link #execute}, the packets from the wire it writes into the TUN device, and
 * the packets the kernel writes out of it, which it transmits on the link. Because the kernel
 * processes an injected packet within the write, the thread checks the connections right after
 * each one; a tick of {@link KernelTolerances#TICK_MILLIS} covers what only timers change.
 */
final class KernelLoop implements AutoCloseable {
  /** Largest packet read from the device: its MTU is 1500, with room to spare. */
  private static final int READ_BUFFER = 65536;

  private final Link link;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final List<KernelConnection> connections = new ArrayList<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final Thread thread;
  private final Inet4Address address;
  private volatile boolean stopping;
  private int wakeFd = -1;
  private TunDevice tun;
  private volatile Throwable failure;

  private KernelLoop(Inet4Address address, Link link, String name) {
    this.address = address;
    this.link = link;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  /**
   * Starts the thread, its namespace and TUN device, and returns once they are ready.
   *
   * @throws KernelStartException when the namespace or the device cannot be made
   */
  static KernelLoop start(Inet4Address address, Link link, String name) {
    KernelLoop loop = new KernelLoop(address, link, name);
    loop.thread.start();
    try {
      loop.ready.get(KernelTolerances.START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new KernelStartException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      loop.close();
      throw new KernelStartException("the namespace thread did not start within "
          + KernelTolerances.START_TIMEOUT_MILLIS + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      loop.close();
      throw new KernelStartException("interrupted while starting", e);
    }
    return loop;
  }

  /** Runs {@code task} on the namespace's thread, after every task submitted before. Any thread. */
  void execute(Runnable task) {
    tasks.add(task);
    wake();
  }

  /** Adds a connection the loop checks after each injection and tick. Namespace thread only. */
  void register(KernelConnection c) {
    connections.add(c);
  }

  void unregister(KernelConnection c) {
    connections.remove(c);
  }

  /**
   * Writes a packet from the wire into the kernel and lets the connections react. Namespace thread
   * only.
   */
  void inject(byte[] packet) {
    tun.write(packet);
    transmitKernelOutput();
    checkConnections();
  }

  /**
   * Transmits everything the kernel has written into the device so far, then waits {@link
   * KernelTolerances#DRAIN_MILLIS} for stragglers: a terminate calls it before completing, so that
   * no segment of the connection reaches the wire after the completion (TOC-9).
   */
  void drain() {
    transmitKernelOutput();
    poll(KernelTolerances.DRAIN_MILLIS);
    transmitKernelOutput();
  }

  /**
   * Goes on transmitting what the kernel writes out for {@code millis}, running no task and
   * injecting nothing: how a terminate lets the connection settle (see {@link
   * KernelTolerances#TERMINATE_SETTLE_MILLIS}).
   */
  void settle(int millis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (long left; (left = end - System.nanoTime()) > 0; ) {
      transmitKernelOutput();
      poll((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }
    transmitKernelOutput();
  }

  /** The first failure of a task, or null: reported by the target, which the task cannot throw to. */
  Throwable failure() {
    return failure;
  }

  private void run() {
    try {
      Sys.check(LibC.INSTANCE.unshare(Linux.CLONE_NEWNET), "unshare(CLONE_NEWNET)");
      NamespaceSysctls.disableIpv6();
      NamespaceSysctls.pin();
      tun = TunDevice.create(address);
      wakeFd = Sys.check(LibC.INSTANCE.eventfd(0, Linux.EFD_NONBLOCK | Linux.EFD_CLOEXEC), "eventfd");
    } catch (Throwable t) {
      closeDescriptors();
      ready.completeExceptionally(t);
      return;
    }
    ready.complete(null);
    try {
      while (!stopping) {
        poll(anyBusy() ? KernelTolerances.TICK_MILLIS : KernelTolerances.IDLE_POLL_MILLIS);
        runTasks();
        transmitKernelOutput();
        checkConnections();
      }
    } finally {
      for (KernelConnection c : List.copyOf(connections)) {
        try {
          c.halt();
        } catch (RuntimeException e) {
          noteFailure(e);
        }
      }
      connections.clear();
      closeDescriptors();
    }
  }

  private void runTasks() {
    for (Runnable task; (task = tasks.poll()) != null; ) {
      try {
        task.run();
      } catch (RuntimeException e) {
        noteFailure(e);
      }
    }
  }

  private void noteFailure(Throwable t) {
    if (failure == null) {
      failure = t;
    }
  }

  private void checkConnections() {
    for (KernelConnection c : List.copyOf(connections)) {
      try {
        c.check();
      } catch (RuntimeException e) {
        noteFailure(e);
      }
    }
    transmitKernelOutput();
  }

  private boolean anyBusy() {
    for (KernelConnection c : connections) {
      if (c.busy()) {
        return true;
      }
    }
    return false;
  }

  private final byte[] scratch = new byte[READ_BUFFER];

  private void transmitKernelOutput() {
    for (byte[] packet; (packet = tun.read(scratch)) != null; ) {
      link.transmit(packet);
    }
  }

  /** Waits until the device or the wake-up descriptor is readable, or {@code timeoutMillis}. */
  private void poll(int timeoutMillis) {
    byte[] fds = new byte[16];
    Bytes.writeInt32(fds, 0, wakeFd);
    Bytes.writeInt16(fds, 4, Linux.POLLIN);
    Bytes.writeInt32(fds, 8, tun.fd());
    Bytes.writeInt16(fds, 12, Linux.POLLIN);
    int n = LibC.INSTANCE.poll(fds, 2, timeoutMillis);
    if (n < 0 && Native.getLastError() != Linux.EINTR) {
      throw new KernelCallException("poll", Native.getLastError());
    }
    if ((Bytes.readInt16(fds, 6) & Linux.POLLIN) != 0) {
      LibC.INSTANCE.read(wakeFd, new byte[8], 8);
    }
  }

  private void wake() {
    int fd = wakeFd;
    if (fd >= 0) {
      byte[] one = new byte[8];
      one[0] = 1;
      LibC.INSTANCE.write(fd, one, 8);
    }
  }

  private void closeDescriptors() {
    if (tun != null) {
      tun.close();
    }
    Sys.close(wakeFd);
  }

  /**
   * Stops the thread, which closes every socket in repair mode (sending nothing), the device and its
   * descriptors, so the namespace goes. Waits up to {@link KernelTolerances#STOP_TIMEOUT_MILLIS}.
   * Any thread; harmless when repeated.
   */
  @Override
  public void close() {
    stopping = true;
    wake();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(KernelTolerances.STOP_TIMEOUT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
