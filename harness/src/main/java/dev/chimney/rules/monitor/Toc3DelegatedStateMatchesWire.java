package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpDelegatedState.Field;
import dev.chimney.wire.SeqNum;
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
    Completion.Terminate done = tracker().lastTerminateCompletion();
    if (done.call() == null) {
      return;
    }
    for (Completion.TerminatedTcp t : done.tcps()) {
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
    long sndUna = later(conn.sndUnaAtInitiate, conn.peerAckAtTerminate);
    long sndMax = later(SeqNum.known(conn.sndMaxAtInitiate) ? conn.sndMaxAtInitiate : conn.sndNxtAtInitiate,
        conn.highestSentSeqEnd);
    long rcvNxt = SeqNum.known(conn.targetAckThisOffload) ? conn.targetAckThisOffload : conn.rcvNxtAtInitiate;
    expect(conn, d, Field.SND_UNA, sndUna, "the highest ACK received from the peer", u);
    expect(conn, d, Field.SND_MAX, sndMax, "one past the highest sequence number sent", u);
    expect(conn, d, Field.RCV_NXT, rcvNxt, "the highest ACK the target sent", u);
    OptionalLong sndNxt = d.sndNxt();
    if (SeqNum.known(sndUna) && SeqNum.known(sndMax) && sndNxt.isPresent()
        && !(SeqNum.le(sndUna, sndNxt.getAsLong()) && SeqNum.le(sndNxt.getAsLong(), sndMax))) {
      violation(conn.name + ": SndNxt between SndUna " + sndUna + " and SndMax " + sndMax,
          "SndNxt " + sndNxt.getAsLong(), u);
    }
  }

  /** The later of the value given at initiate and the wire's, either {@link SeqNum#NONE} when unknown. */
  private static long later(long given, long wire) {
    return SeqNum.known(given) ? SeqNum.highest(wire, given) : wire;
  }

  private void expect(TrackedConnection conn, TcpDelegatedState d, Field field, long expected, String meaning,
      Event.Upcall u) {
    if (!SeqNum.known(expected)) {
      return;
    }
    OptionalLong actual = d.get(field);
    if (actual.isEmpty() || actual.getAsLong() != expected) {
      violation(conn.name + ": " + field + " " + expected + " (" + meaning + ")",
          field + " " + (actual.isEmpty() ? "unset" : String.valueOf(actual.getAsLong())), u);
    }
  }
}
