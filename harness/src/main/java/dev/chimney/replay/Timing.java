package dev.chimney.replay;

/** How {@link ReplayDriver} paces the peer's segments. */
public enum Timing {
  /** Each segment as soon as the target's recorded answers before it have come (or the quiet timeout passed). */
  fast,
  /** Each segment at its recorded offset from the first segment after the handshake, and not before the answers before it. */
  recorded
}
