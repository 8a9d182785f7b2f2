package dev.chimney.spi;

/** The {@code Flags} of {@code MiniportTcpOffloadDisconnect}. */
public enum DisconnectFlags {
  /** {@code TCP_DISCONNECT_ABORTIVE_CLOSE}: send an RST. The only case where a target may. */
  ABORTIVE_CLOSE,
  /** {@code TCP_DISCONNECT_GRACEFUL_CLOSE}: send the supplied data, if any, then a FIN. */
  GRACEFUL_CLOSE
}
