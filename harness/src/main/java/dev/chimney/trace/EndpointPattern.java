package dev.chimney.trace;

/**
 * Which endpoint of a capture a manifest means: an address, and a port when given ("192.0.2.1",
 * "192.0.2.1:80", "2001:db8::1", "[2001:db8::1]:80").
 *
 * @param address the address
 * @param port the port, or -1 for any
 */
public record EndpointPattern(IpAddress address, int port) {
  private static final int ANY_PORT = -1;
  private static final int MAX_PORT = 0xFFFF;

  /**
   * Parses a manifest's endpoint.
   *
   * @throws IllegalArgumentException with a message fit for the manifest's error line
   */
  static EndpointPattern parse(String text) {
    String address = text;
    int port = ANY_PORT;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("'" + text + "': a '[' without its ']'");
      }
      address = text.substring(1, close);
      if (close + 1 < text.length()) {
        port = port(text, text.substring(close + 1));
      }
    } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      address = text.substring(0, text.indexOf(':'));
      port = port(text, text.substring(text.indexOf(':')));
    }
    return new EndpointPattern(IpAddress.parse(address), port);
  }

  private static int port(String text, String colonPort) {
    if (!colonPort.matches(":\\d{1,5}") || Integer.parseInt(colonPort.substring(1)) > MAX_PORT) {
      throw new IllegalArgumentException("'" + text + "': the port must be a number from 0 to " + MAX_PORT);
    }
    return Integer.parseInt(colonPort.substring(1));
  }

  /** True when {@code address}:{@code port} is this endpoint. */
  boolean matches(IpAddress other, int otherPort) {
    return address.equals(other) && (port == ANY_PORT || port == otherPort);
  }

  /**
   * True when the address (as two longs, as {@code TcpPacketDecoder} gives it) and port are this
   * endpoint: for {@code replay}, which reads captures without the trace judge.
   */
  public boolean matches(long addressHigh, long addressLow, int otherPort) {
    return matches(new IpAddress(addressHigh, addressLow), otherPort);
  }

  @Override
  public String toString() {
    return port == ANY_PORT ? address.toString()
        : address.isIpv4() ? address + ":" + port : "[" + address + "]:" + port;
  }
}
