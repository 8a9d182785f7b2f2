package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpDelegatedState.Field;
import java.util.OptionalLong;

/**
 * TOC-3: on SUCCESS, the delegated state of each TCP block list holds the target's current
 * variables, and they agree with the wire.
 *
 * <p>Exercised by every terminate completion with a TCP object in SUCCESS. Expected values, each
 * the later of the value the host delegated at initiate and what the wire shows:
 * <ul>
 *   <li>SndUna: the highest ACK from the peer that arrived before the terminate was called (later
 *       segments are the host's to process, TOC-10);
 *   <li>SndMax: the highest sequence end sent towards the peer (data, SYN and FIN count);
 *   <li>RcvNxt: the highest ACK the target sent in this offload (TOC-10 has any delayed ACK sent
 *       before the completion), else the delegated RcvNxt;
 *   <li>SndNxt: not visible on the wire after a retransmission; it must lie between SndUna and SndMax.
 * </ul>
 * An unset variable where a value is expected is a violation too.
 *
 * <p>When it fails: the field named differs from the wire; check that the target writes its live
 * variables, not those it was given at initiate, and counts its FIN in SndMax.
 */
final class Toc3DelegatedStateMatchesWire extends MonitorBase {
  Toc3DelegatedStateMatchesWire(MonitorContext context) {
    super("TOC-3", context);
  }

  @Override
  public void onEvent(Event event) {
    if (!(event instanceof Event.Upcall u && u.api() == Api.TERMINATE_OFFLOAD_COMPLETE)) {
      return;
    }
    ConnectionTracker.TerminateCompletion done = tracker().lastTerminateCompletion();
    if (done.call() == null) {
      return;
    }
    for (ConnectionTracker.TerminatedTcp t : done.tcps()) {
      if (t.block().status() != NdisStatus.SUCCESS) {
        continue;
      }
      exercise();
      TcpDelegatedState d = t.block().delegated();
      if (d == null) {
        violation(t.connection().name + ": a delegated TCP state", "none", u);
        continue;
      }
      judge(t.connection(), d, u);
    }
  }

  private void judge(TrackedConnection conn, TcpDelegatedState d, Event.Upcall u) {
    TcpDelegatedState given = conn.delegatedAtInitiate();
    Long sndUna = later(given, Field.SND_UNA, conn.peerAckAtTerminate);
    Long sndMax = later(given, given != null && given.sndMax().isPresent() ? Field.SND_MAX : Field.SND_NXT,
        conn.highestSentSeqEnd);
    Long rcvNxt = conn.targetAckThisOffload != null ? conn.targetAckThisOffload
        : given == null || given.rcvNxt().isEmpty() ? null : Long.valueOf(given.rcvNxt().getAsLong());
    expect(conn, d, Field.SND_UNA, sndUna, "the highest ACK received from the peer", u);
    expect(conn, d, Field.SND_MAX, sndMax, "one past the highest sequence number sent", u);
    expect(conn, d, Field.RCV_NXT, rcvNxt, "the highest ACK the target sent", u);
    OptionalLong sndNxt = d.sndNxt();
    if (sndUna != null && sndMax != null && sndNxt.isPresent()
        && !(Seq.le(sndUna, sndNxt.getAsLong()) && Seq.le(sndNxt.getAsLong(), sndMax))) {
      violation(conn.name + ": SndNxt between SndUna " + sndUna + " and SndMax " + sndMax,
          "SndNxt " + sndNxt.getAsLong(), u);
    }
  }

  private static Long later(TcpDelegatedState given, Field field, Long wire) {
    OptionalLong g = given == null ? OptionalLong.empty() : given.get(field);
    if (g.isEmpty()) {
      return wire;
    }
    return wire == null ? Long.valueOf(g.getAsLong()) : Seq.max(wire, g.getAsLong());
  }

  private void expect(TrackedConnection conn, TcpDelegatedState d, Field field, Long expected, String meaning,
      Event.Upcall u) {
    if (expected == null) {
      return;
    }
    OptionalLong actual = d.get(field);
    if (actual.isEmpty() || actual.getAsLong() != expected) {
      violation(conn.name + ": " + field + " " + expected + " (" + meaning + ")",
          field + " " + (actual.isEmpty() ? "unset" : String.valueOf(actual.getAsLong())), u);
    }
  }
}
