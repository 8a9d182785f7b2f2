package dev.chimney.spi;

import java.util.Objects;

/**
 * TCP connection state: TCP_OFFLOAD_STATE_CONST and _CACHED as values, TCP_OFFLOAD_STATE_DELEGATED
 * as the mutable {@link TcpDelegatedState}.
 *
 * @param localPort constant: the target's port
 * @param remotePort constant: the peer's port
 * @param sndWindScale constant: the shift applied to windows the peer advertises (0 to 14)
 * @param rcvWindScale constant: the shift the target applies to the windows it advertises
 * @param remoteMss constant: the peer's maximum segment size
 * @param initialRcvWnd cached: the receive window the target starts from, in bytes
 * @param delegated delegated: filled by the host on initiate, rewritten by the target on terminate;
 *     never null
 */
public record TcpState(
    int localPort,
    int remotePort,
    int sndWindScale,
    int rcvWindScale,
    int remoteMss,
    int initialRcvWnd,
    TcpDelegatedState delegated)
    implements OffloadState {
  public TcpState {
    Objects.requireNonNull(delegated, "delegated");
  }

  @Override
  public OffloadStateType type() {
    return OffloadStateType.TCP;
  }
}
