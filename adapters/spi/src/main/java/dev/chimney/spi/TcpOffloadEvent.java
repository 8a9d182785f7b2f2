package dev.chimney.spi;

/** The {@code EventType} values of {@code NdisTcpOffloadEventHandler}. */
public enum TcpOffloadEvent {
  /** The peer sent a FIN: the receive half is closed. Event information: unused (0). */
  INDICATE_DISCONNECT,
  /** The target asks the host to terminate this one connection. Event information: a {@link TcpUploadReason}. */
  INDICATE_RETRIEVE,
  /** The peer sent an acceptable RST: the connection is aborted. Event information: unused (0). */
  INDICATE_ABORT,
  /** The target's preferred send backlog changed. Event information: the new size in bytes. */
  INDICATE_SEND_BACKLOG_CHANGE
}
