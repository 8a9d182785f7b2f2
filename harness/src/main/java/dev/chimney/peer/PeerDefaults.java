package dev.chimney.peer;

import java.util.concurrent.TimeUnit;

/**
 * The peer's fixed TCP parameters, by name. They are constants rather than settings because the
 * monitors and scenarios reason about them (a scenario waits "longer than one RTO").
 */
public final class PeerDefaults {
  /** Seed of the peer's initial sequence numbers: the same run gives the same ISNs, to the byte. */
  public static final long ISN_SEED = 0x4348_494D_4E45_5900L;

  /** MSS the peer announces in its SYN-ACK: Ethernet's. */
  public static final int PEER_MSS = 1460;

  /** Window scale shift the peer announces when the target's SYN offered window scaling. */
  public static final int PEER_WINDOW_SCALE = 7;

  /** Receive window the peer advertises until {@link PeerConnection#setReceiveWindow} changes it. */
  public static final int DEFAULT_RECEIVE_WINDOW = 65_535;

  /** MSS assumed for a target whose SYN carried none (RFC 9293, section 3.7.1). */
  public static final int DEFAULT_TARGET_MSS = 536;

  /** Largest window scale shift TCP allows (RFC 7323, section 2.3); larger offers are clamped. */
  public static final int MAX_WINDOW_SCALE = 14;

  /**
   * A segment from the target is judged against the acknowledgments the peer had sent at least
   * this long before the target sent the segment, so that a retransmission that crossed a newer
   * acknowledgment on the link is not taken for going backwards. Well above the link's one-way
   * delay (50 us), which an acknowledgment needs to reach the target.
   */
  public static final long ACK_CROSSING_TOLERANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /**
   * First retransmission timeout of the peer's own data, SYN-ACK and FIN. Short, because the link
   * is simulated and scenarios must not wait long for a lost segment to come again.
   */
  public static final long INITIAL_RTO_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  /** The timeout doubles on every expiry up to this. */
  public static final long MAX_RTO_NANOS = TimeUnit.MILLISECONDS.toNanos(3_200);

  /**
   * Retransmissions of one segment before the peer gives up on it: about 16 s of clock time, more
   * than the delivery timeout, so a silent target fails its step instead of being retried forever.
   */
  public static final int MAX_RETRANSMISSIONS = 8;

  /** TTL of the peer's packets. */
  public static final int TTL = 64;

  private PeerDefaults() {}
}
