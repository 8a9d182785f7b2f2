package dev.chimney.wire;

/**
 * The TCP options chimney cares about. A value of -1 means the option is absent.
 *
 * @param mss maximum segment size (SYN only), or -1
 * @param windowScale window scale shift (SYN only), or -1
 */
public record TcpOptions(int mss, int windowScale) {
  /** No options. */
  public static final TcpOptions NONE = new TcpOptions(-1, -1);
}
