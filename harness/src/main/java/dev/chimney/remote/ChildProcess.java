package dev.chimney.remote;

import dev.chimney.remote.protocol.ProtocolLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A target started as a child process: the protocol on its standard input and output, its standard
 * error drained by a daemon thread into a bounded tail that failure messages quote. The child is
 * killed when the harness JVM exits.
 */
final class ChildProcess implements Transport {
  private final Process process;
  private final Deque<String> stderrTail = new ArrayDeque<>();

  private ChildProcess(Process process) {
    this.process = process;
    Thread drain = new Thread(this::drainStderr, "chimney-target-stderr-" + process.pid());
    drain.setDaemon(true);
    drain.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
  }

  /**
   * Starts {@code command} (no shell: the program and its arguments).
   *
   * @throws RemoteTargetException when it cannot be started
   */
  static ChildProcess start(List<String> command) {
    try {
      return new ChildProcess(new ProcessBuilder(command).start());
    } catch (IOException e) {
      throw new RemoteTargetException("cannot start the target process " + String.join(" ", command) + ": "
          + e.getMessage());
    }
  }

  @Override
  public InputStream in() {
    return process.getInputStream();
  }

  @Override
  public OutputStream out() {
    return process.getOutputStream();
  }

  @Override
  public String describeEnd() {
    try {
      if (!process.waitFor(ProtocolLimits.EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        return "the target process closed its output but is still running" + tail();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "the target process exited with code " + process.exitValue() + tail();
  }

  private synchronized String tail() {
    return stderrTail.isEmpty() ? "" : " (its last standard error: " + String.join(" | ", stderrTail) + ")";
  }

  @Override
  public void destroy() {
    process.destroyForcibly();
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(ProtocolLimits.EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Keeps the last lines, each cut short: a child that floods its standard error costs nothing. */
  private void drainStderr() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String kept = line.length() > ProtocolLimits.STDERR_LINE_CHARS
            ? line.substring(0, ProtocolLimits.STDERR_LINE_CHARS) + "..." : line;
        synchronized (this) {
          stderrTail.addLast(kept.strip());
          if (stderrTail.size() > ProtocolLimits.STDERR_TAIL_LINES) {
            stderrTail.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // The process is gone; what was kept is all there is.
    }
  }
}
