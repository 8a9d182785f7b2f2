package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.spi.TcpDelegatedState;
import java.util.ArrayList;
import java.util.List;

/**
 * FWD-3: a forwarded segment is processed as if it had come off the wire: in-window data is
 * acknowledged on the wire and reaches the host.
 *
 * <p>Exercised by a forward carrying data. When the scenario ends, the target's ACK must have moved
 * past the ACK it had sent before the forward (else the delegated RcvNxt) by at least the forwarded
 * data bytes, and at least as many bytes must have reached the host since the forward.
 *
 * <p>Decision: the log keeps forwarded lists without their bytes, so the data is each list's length
 * less a 20-byte TCP header (see {@link ForwardedSegments}); the harness forwards in-window segments
 * the target has not seen, which is the case the rule constrains.
 *
 * <p>When it fails: the target completed the forward without feeding the segments to its receive
 * path (or only acknowledged them without indicating the data).
 */
final class Fwd3ForwardedDataProcessed extends MonitorBase {
  private final List<Obligation> obligations = new ArrayList<>();

  /** One forward with data: where the connection stood before it. */
  private record Obligation(Event.Call call, String connection, long bytes, Long ackBefore, long deliveredBefore) {}

  Fwd3ForwardedDataProcessed(MonitorContext context) {
    super("FWD-3", context);
  }

  @Override
  public void onEvent(Event event) {
    if (!(event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_FORWARD)) {
      return;
    }
    TrackedConnection conn = tracker().connection(c.connection());
    long bytes = ForwardedSegments.payload(c.nbls());
    if (conn == null || bytes == 0) {
      return;
    }
    exercise();
    Long ackBefore = conn.targetAckThisOffload;
    TcpDelegatedState given = conn.delegatedAtInitiate();
    if (ackBefore == null && given != null && given.rcvNxt().isPresent()) {
      ackBefore = given.rcvNxt().getAsLong();
    }
    obligations.add(new Obligation(c, conn.name, bytes, ackBefore, conn.delivered));
  }

  @Override
  public void finish() {
    for (Obligation o : obligations) {
      TrackedConnection conn = tracker().connection(o.connection());
      if (o.ackBefore() != null) {
        long moved = conn.highestTargetAck == null ? 0 : Seq.distance(o.ackBefore(), conn.highestTargetAck);
        if (conn.highestTargetAck == null || Seq.lt(conn.highestTargetAck, o.ackBefore()) || moved < o.bytes()) {
          violation(o.connection() + ": the " + o.bytes() + " forwarded data bytes acknowledged on the wire (ACK past "
              + Seq.add(o.ackBefore(), o.bytes() - 1) + ")", "highest ACK " + conn.highestTargetAck, o.call());
        }
      }
      long delivered = conn.delivered - o.deliveredBefore();
      if (delivered < o.bytes()) {
        violation(o.connection() + ": the " + o.bytes() + " forwarded data bytes handed to the host",
            delivered + " bytes handed to the host", o.call());
      }
    }
  }
}
