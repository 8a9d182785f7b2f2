package dev.chimney.spi;

/** {@code TCP_OFFLOAD_CONNECTION_STATE}: the RFC 793 state in the delegated TCP state. */
public enum TcpConnectionState {
  CLOSED,
  LISTEN,
  SYN_SENT,
  SYN_RCVD,
  ESTABLISHED,
  FIN_WAIT_1,
  FIN_WAIT_2,
  CLOSE_WAIT,
  CLOSING,
  LAST_ACK,
  TIME_WAIT
}
