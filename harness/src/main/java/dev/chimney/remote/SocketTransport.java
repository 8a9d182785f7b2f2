package dev.chimney.remote;

import dev.chimney.remote.protocol.ProtocolLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A target already running, reached over TCP ({@code tcp:HOST:PORT}). */
final class SocketTransport implements Transport {
  private final Socket socket;
  private final String where;

  private SocketTransport(Socket socket, String where) {
    this.socket = socket;
    this.where = where;
  }

  /**
   * Connects to {@code host:port} within {@link ProtocolLimits#HANDSHAKE_TIMEOUT}.
   *
   * @throws RemoteTargetException when nothing answers
   */
  static SocketTransport connect(String host, int port) {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), (int) ProtocolLimits.HANDSHAKE_TIMEOUT.toMillis());
      return new SocketTransport(s, host + ":" + port);
    } catch (IOException e) {
      try {
        s.close();
      } catch (IOException ignored) {
        // Nothing was open to close.
      }
      throw new RemoteTargetException("cannot connect to the target at " + host + ":" + port + ": " + e.getMessage());
    }
  }

  @Override
  public InputStream in() {
    try {
      return socket.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public OutputStream out() {
    try {
      return socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String describeEnd() {
    return "the target at " + where + " closed the connection";
  }

  @Override
  public void destroy() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is all that was wanted.
    }
  }

  @Override
  public void close() {
    destroy();
  }
}
