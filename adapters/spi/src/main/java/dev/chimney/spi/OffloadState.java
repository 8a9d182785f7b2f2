package dev.chimney.spi;

/**
 * The state that follows a block list: constant, cached and delegated parts of a neighbor, path or
 * TCP state object. Constant and cached parts are values the host sets; the delegated TCP state is
 * the part the target owns while offloaded and writes back on terminate.
 */
public sealed interface OffloadState permits NeighborState, PathState, TcpState {
  /** Which kind of state object this is. */
  OffloadStateType type();
}
