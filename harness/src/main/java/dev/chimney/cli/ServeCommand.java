package dev.chimney.cli;

import dev.chimney.host.TargetRegistry;
import dev.chimney.remote.RemoteTargets;
import dev.chimney.remote.protocol.CorruptFrameException;
import dev.chimney.remote.serve.TargetServer;
import dev.chimney.spi.OffloadTargetProvider;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chimney serve-target}: runs a target of this JVM behind the target protocol, on standard input
 * and output (what {@code --target process:NAME} starts) or on a loopback port (for {@code --target
 * tcp:127.0.0.1:PORT}). Runs on the main thread until the harness hangs up (stdio) or forever (port).
 */
// Hidden from the help and from picocli's "did you mean" suggestions: it is plumbing that
// process: targets start, documented in the README and docs/target-protocol.md.
@Command(name = "serve-target", hidden = true,
    description = "Runs a target of this JVM behind the target protocol (docs/target-protocol.md): on "
        + "standard input and output, or on a loopback port with --port.")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--target", paramLabel = "NAME", required = true,
      description = "The target to serve (see list-targets); not a process: or tcp: target.")
  private String target;

  @Option(names = "--port", paramLabel = "PORT",
      description = "Listen on this loopback port (0: any free port, printed) instead of standard input and output.")
  private Integer port;

  @Mixin
  private AdapterPathOption adapterPath;

  @Override
  public Integer call() throws IOException {
    if (RemoteTargets.isRemote(target)) {
      throw new UserError("serve-target runs a target of this JVM, not " + target);
    }
    OffloadTargetProvider provider = TargetRegistry.discover(adapterPath.entries()).get(target);
    return port == null ? serveStdio(provider) : servePort(provider);
  }

  /**
   * The protocol owns standard output: anything else printed (a library's warning, a target's
   * debugging) goes to standard error instead, where the harness keeps it for failure messages.
   */
  private static int serveStdio(OffloadTargetProvider provider) {
    OutputStream protocolOut = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    return serve(provider, new FileInputStream(FileDescriptor.in), protocolOut);
  }

  private int servePort(OffloadTargetProvider provider) throws IOException {
    if (port < 0 || port > 65535) {
      throw new UserError("--port " + port + ": not a port number");
    }
    try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      System.out.println("chimney serve-target: " + provider.name() + " listening on "
          + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
      System.out.flush();
      while (true) {
        try (Socket s = server.accept()) {
          s.setTcpNoDelay(true);
          serve(provider, s.getInputStream(), new BufferedOutputStream(s.getOutputStream()));
        }
      }
    }
  }

  private static int serve(OffloadTargetProvider provider, java.io.InputStream in, OutputStream out) {
    try {
      new TargetServer(provider, in, out).run();
      return ExitCodes.CERTIFIED;
    } catch (IOException | CorruptFrameException e) {
      System.err.println(OneLineErrors.PREFIX + "serve-target: the harness connection failed: " + e.getMessage());
      return ExitCodes.USER_ERROR;
    }
  }
}
