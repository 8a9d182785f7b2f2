package dev.chimney.spi;

/** The kinds of state object in an offload state tree, parent first. */
public enum OffloadStateType {
  /** A neighbor (next hop) state object: the root of a tree. */
  NEIGHBOR,
  /** A path (source and destination IP address) state object, dependent on a neighbor. */
  PATH,
  /** A TCP connection state object, dependent on a path. */
  TCP
}
