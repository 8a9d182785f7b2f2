package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpSegment;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TRM-8: connections uploaded after UPLOAD_ALL and offloaded again (to another NIC, in the teaming
 * failover) carry on with no byte lost or repeated as seen by the peer.
 *
 * <p>Exercised when a connection terminated after an UPLOAD_ALL is offloaded again. Judged on the
 * wire, from every data segment towards the peer whoever sent it (old target, host, new target):
 * <ul>
 *   <li>repeated: a segment that covers bytes already sent must carry the same bytes there (a
 *       retransmission); different bytes at a sequence number already used mean the stream shifted,
 *       so the peer gets some bytes twice or out of place;
 *   <li>lost: when the scenario ends, the data sent covers the stream from its first byte to its
 *       last with no hole.
 * </ul>
 * Decision: the host's NET_BUFFER_LISTs are logged without their bytes, so "the bytes the host
 * sent" are the bytes first put on the wire; the harness's scenario checks the peer's received
 * stream against what it sent.
 *
 * <p>When it fails: compare the delegated SndUna/SndNxt the old target returned with the new
 * target's first segment, and the chain of send data handed back (TOC-5).
 */
final class Trm8FailoverKeepsStream extends MonitorBase {
  private final Map<String, StreamImage> streams = new HashMap<>();
  private final Set<String> uploadedByUploadAll = new HashSet<>();
  private final Set<String> failedOver = new HashSet<>();
  private final Map<String, Event.Packet> lastDataPacket = new HashMap<>();
  private boolean uploadAllActive;

  Trm8FailoverKeepsStream(MonitorContext context) {
    super("TRM-8", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Upcall u && u.api() == Api.INDICATE_STATUS && u.status() == NdisStatus.UPLOAD_ALL) {
      uploadAllActive = true;
    } else if (event instanceof Event.Upcall u && u.api() == Api.INDICATE_STATUS
        && u.status() == NdisStatus.OFFLOAD_RESUME) {
      uploadAllActive = false;
    } else if (event instanceof Event.Upcall u && u.api() == Api.TERMINATE_OFFLOAD_COMPLETE && uploadAllActive) {
      tcpNames(u.tree()).forEach(uploadedByUploadAll::add);
    } else if (event instanceof Event.Call c && c.api() == Api.INITIATE_OFFLOAD) {
      for (String name : tcpNames(c.tree())) {
        if (uploadedByUploadAll.remove(name)) {
          failedOver.add(name);
          exercise();
        }
      }
    } else if (event instanceof Event.Packet p && p.direction() == Direction.TO_PEER && p.connection() != null
        && p.segment().payloadLength() > 0) {
      onData(p);
    }
  }

  private void onData(Event.Packet p) {
    TcpSegment s = p.segment();
    StreamImage image = streams.computeIfAbsent(p.connection(), k -> new StreamImage(s.seq()));
    long mismatch = image.write(s.seq(), s.payload());
    lastDataPacket.put(p.connection(), p);
    if (mismatch >= 0 && failedOver.contains(p.connection())) {
      violation("each byte reaches the peer once: bytes resent at a sequence number equal to the first sent there",
          "different bytes at seq " + mismatch + " on " + p.connection(), p);
    }
  }

  @Override
  public void finish() {
    for (String name : failedOver) {
      StreamImage image = streams.get(name);
      long hole = image == null ? -1 : image.firstHole();
      if (hole >= 0) {
        violation("no byte lost across the failover of " + name + ": the data on the wire has no hole",
            "bytes from seq " + hole + " never sent", lastDataPacket.get(name));
      }
    }
  }

  private static Iterable<String> tcpNames(List<BlockView> tree) {
    return tree.stream().filter(b -> b.type() == OffloadStateType.TCP).map(BlockView::name).toList();
  }

  /** The bytes sent on one connection, by offset from the first data byte seen. */
  private static final class StreamImage {
    private final long base;
    private byte[] bytes = new byte[0];
    private final BitSet written = new BitSet();

    StreamImage(long base) {
      this.base = base;
    }

    /** Records {@code data} at {@code seq}; returns the first sequence number whose byte differs from the one sent before, or -1. */
    long write(long seq, byte[] data) {
      long offset = SeqNum.distance(base, seq);
      if (offset > Integer.MAX_VALUE - data.length) {
        return -1; // before the first byte seen: a retransmission of data sent before the capture began
      }
      int at = (int) offset;
      if (bytes.length < at + data.length) {
        bytes = Arrays.copyOf(bytes, Math.max(at + data.length, bytes.length * 2));
      }
      long mismatch = -1;
      for (int i = 0; i < data.length; i++) {
        if (written.get(at + i)) {
          if (bytes[at + i] != data[i] && mismatch < 0) {
            mismatch = SeqNum.add(base, at + i);
          }
        } else {
          bytes[at + i] = data[i];
          written.set(at + i);
        }
      }
      return mismatch;
    }

    /** The sequence number of the first byte never sent before the last one sent, or -1. */
    long firstHole() {
      int hole = written.nextClearBit(0);
      return hole < written.length() ? SeqNum.add(base, hole) : -1;
    }
  }
}
