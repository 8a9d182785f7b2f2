package dev.chimney.nic;

import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpDelegatedState.Field;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.util.List;

/**
 * The send half of one connection: the stream offsets of SndUna, SndNxt and SndMax, the peer's
 * window, the queued lists and the FIN. Offsets are longs counted from SndUna at offload, so
 * nothing wraps; {@link #seqAt} maps them to sequence numbers.
 *
 * <p>Segments are at most one MSS; never more than the peer's (scaled) window is in flight. There
 * is no congestion control beyond that, and no zero-window probing: the peer's window update is
 * awaited (the harness's peer never loses one).
 */
final class SendSide {
  /** How one segment goes out: the connection adds addresses, acknowledgment and window. */
  @FunctionalInterface
  interface SegmentOut {
    void send(long seq, int flags, byte[] payload);
  }

  private final long anchor;
  private final int mss;
  private final int windowScale;
  private final SendQueue queue = new SendQueue(0);
  private long una;
  private long nxt;
  private long max;
  private long window;
  private long maxWindow;
  private long wl1;
  private long wl2;
  private boolean finQueued;
  private long finOffset;

  /**
   * Takes over the send state the host delegated.
   *
   * @param delegated the host's delegated state; SndUna must be set
   * @param mss the largest payload per segment
   * @param windowScale the shift applied to the peer's window field
   * @param fallbackWindow the send window when the host gave none
   */
  SendSide(TcpDelegatedState delegated, int mss, int windowScale, long fallbackWindow) {
    this.anchor = delegated.sndUna().getAsLong();
    this.mss = mss;
    this.windowScale = windowScale;
    long sndNxt = delegated.sndNxt().orElse(anchor);
    this.nxt = Math.max(0, SeqNum.diff(sndNxt, anchor));
    this.max = Math.max(nxt, SeqNum.diff(delegated.sndMax().orElse(sndNxt), anchor));
    this.window = delegated.sndWnd().orElse(fallbackWindow);
    this.maxWindow = delegated.get(Field.MAX_SND_WND).orElse(window);
    this.wl1 = delegated.get(Field.SEND_WL1).orElse(delegated.rcvNxt().orElse(0));
    this.wl2 = anchor;
  }

  /** Marks the FIN as already sent before the offload (the host delegated a closing connection). */
  void finSentBeforeOffload() {
    finQueued = true;
    finOffset = max - 1;
  }

  /** The sequence number of stream offset {@code offset}. */
  long seqAt(long offset) {
    return SeqNum.add(anchor, offset);
  }

  /** SndNxt as a sequence number. */
  long sndNxt() {
    return seqAt(nxt);
  }

  /** Queues a host send list at the end of the stream. */
  void queueSend(NetBufferList list) {
    queue.addSend(list);
  }

  /** Queues a graceful disconnect's data (a copy of the target's) and a FIN after it. */
  void queueFin(NetBufferList dataCopy) {
    if (dataCopy != null) {
      queue.addDisconnectData(dataCopy);
    }
    finQueued = true;
    finOffset = queue.end();
  }

  /** Whether a FIN is queued or sent. */
  boolean finQueued() {
    return finQueued;
  }

  /** Whether the peer acknowledged our FIN. */
  boolean finAcknowledged() {
    return finQueued && una > finOffset;
  }

  /** Whether sent data (or a FIN) awaits acknowledgment. */
  boolean inFlight() {
    return una < max;
  }

  /** Whether no host send list awaits completion. */
  boolean noSendsOutstanding() {
    return queue.hasNoSends();
  }

  /**
   * Takes the acknowledgment and window of {@code segment}.
   *
   * @return {@link AckOutcome#AHEAD} when it acknowledges data never sent (the segment must be
   *     dropped after an ACK), {@link AckOutcome#NEW_DATA} when SndUna moved, else {@link
   *     AckOutcome#NOTHING_NEW}
   */
  AckOutcome onAck(TcpSegment segment) {
    long ackOffset = una + SeqNum.diff(segment.ack(), seqAt(una));
    if (ackOffset > max) {
      return AckOutcome.AHEAD;
    }
    if (ackOffset < una) {
      return AckOutcome.NOTHING_NEW;
    }
    // RFC 793: take the window only from a segment at least as recent as the last one used
    if (SeqNum.gt(segment.seq(), wl1)
        || (wl1 == segment.seq() && !SeqNum.gt(wl2, segment.ack()))) {
      window = (long) segment.window() << windowScale;
      maxWindow = Math.max(maxWindow, window);
      wl1 = segment.seq();
      wl2 = segment.ack();
    }
    if (ackOffset == una) {
      return AckOutcome.NOTHING_NEW;
    }
    una = ackOffset;
    nxt = Math.max(nxt, una);
    return AckOutcome.NEW_DATA;
  }

  /** What an acknowledgment did. */
  enum AckOutcome { AHEAD, NOTHING_NEW, NEW_DATA }

  /** Removes and returns the host send lists now wholly acknowledged, in delivery order. */
  List<NetBufferList> releaseAcknowledged() {
    return queue.releaseAcknowledged(una);
  }

  /**
   * Sends what the window allows from SndNxt: data in segments of at most one MSS, then the FIN
   * (on the last data segment when it fits there, so its sequence number is one past the last data
   * byte: DSC-7), without waiting for any acknowledgment (DSC-8).
   *
   * @param maxSegments how many segments at most (1 after a timeout)
   * @return how many segments went out
   */
  int sendFromNxt(int maxSegments, SegmentOut out) {
    int sent = 0;
    long dataEnd = queue.end();
    while (sent < maxSegments) {
      if (nxt < dataEnd) {
        long usable = window - (nxt - una);
        if (usable <= 0) {
          break;
        }
        int length = (int) Math.min(mss, Math.min(dataEnd - nxt, usable));
        byte[] data = queue.read(nxt, length);
        if (data.length == 0) {
          // the host handed over fewer bytes than its SndMax claims: nothing to send from here
          break;
        }
        boolean fin = finQueued && nxt + data.length == finOffset;
        boolean last = nxt + data.length == dataEnd;
        int flags = TcpFlag.ACK.bit() | (last ? TcpFlag.PSH.bit() : 0) | (fin ? TcpFlag.FIN.bit() : 0);
        out.send(seqAt(nxt), flags, data);
        nxt += data.length + (fin ? 1 : 0);
      } else if (finQueued && nxt == finOffset) {
        out.send(seqAt(nxt), TcpFlag.mask(TcpFlag.ACK, TcpFlag.FIN), new byte[0]);
        nxt++;
      } else {
        break;
      }
      max = Math.max(max, nxt);
      sent++;
    }
    return sent;
  }

  /** A retransmission timeout: go back to SndUna so the next segments resend from there. */
  void rewindToUna() {
    nxt = una;
  }

  /** Removes every queued list and returns the host's send lists, in delivery order (abort). */
  List<NetBufferList> removeAllSends() {
    return queue.removeAllSends();
  }

  /** Removes every queued list, the disconnect data's copy included, in delivery order (terminate). */
  List<NetBufferList> removeAllOutstanding() {
    return queue.removeAllOutstanding();
  }

  /** Writes SndUna, SndNxt, SndMax and the window variables into {@code delegated} (TOC-3, TOC-6). */
  void writeTo(TcpDelegatedState delegated) {
    delegated.set(Field.SND_UNA, seqAt(una))
        .set(Field.SND_NXT, seqAt(nxt))
        .set(Field.SND_MAX, seqAt(max))
        .set(Field.SND_WND, window)
        .set(Field.MAX_SND_WND, maxWindow)
        .set(Field.SEND_WL1, wl1);
  }
}
