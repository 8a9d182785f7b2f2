package dev.chimney.wire;

/**
 * Sees every packet a {@link SimulatedLink} captures, before it is delivered. Monitors that judge
 * wire rules register one.
 */
@FunctionalInterface
public interface PacketObserver {
  /**
   * Called synchronously on the transmitting thread, once per packet, in capture order, while the
   * link holds its lock: keep it short and do not transmit from here.
   *
   * @param packet never null
   */
  void onPacket(CapturedPacket packet);
}
