package dev.chimney.wire;

/**
 * Sees every packet a {@link SimulatedLink} captures, before it is delivered. Monitors that judge
 * wire rules register one.
 */
@FunctionalInterface
public interface PacketObserver {
  /**
   * Called synchronously once per packet, in capture order, while the link holds its lock: for a
   * target packet on the thread that transmits it, for a peer packet on the clock's thread when it
   * reaches the target. Keep it short and do not transmit from here.
   *
   * @param packet never null
   */
  void onPacket(CapturedPacket packet);
}
