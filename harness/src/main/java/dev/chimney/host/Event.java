package dev.chimney.host;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpUploadReason;
import dev.chimney.wire.Direction;
import dev.chimney.wire.TcpSegment;
import java.util.List;

/**
 * One entry of the run's event log. Every event has a sequence number unique in the scenario
 * (1, 2, 3... in the order things happened) and the clock's time. Failure messages cite events as
 * "event #N".
 */
public sealed interface Event {
  /** Position in the log, from 1. */
  long seq();

  /** Clock time, nanoseconds since the scenario began. */
  long timeNanos();

  /** One line for logs, reports and capture comments. */
  String describe();

  /**
   * The host called a target handler.
   *
   * @param connection the host's name for the object concerned, or null (ordinary send path)
   * @param nbls the lists handed over, in chain order; empty when none
   * @param flags for disconnects, else null
   * @param tree for initiate and terminate, the tree in walk order, else empty
   */
  record Call(long seq, long timeNanos, Api api, String connection, List<NblView> nbls,
      DisconnectFlags flags, List<BlockView> tree) implements Event {
    @Override
    public String describe() {
      return "host: " + api.ndisName() + "(" + (connection == null ? "" : connection)
          + (flags == null ? "" : ", " + flags) + (nbls.isEmpty() ? "" : ", NBL " + nbls) + ")";
    }
  }

  /**
   * A handler returned.
   *
   * @param callSeq the seq of the {@link Call}
   * @param status what it returned, or null when it returned nothing (void handlers) or threw
   * @param thrown the exception's text when it threw, else null
   */
  record Returned(long seq, long timeNanos, long callSeq, Api api, String connection,
      NdisStatus status, String thrown) implements Event {
    @Override
    public String describe() {
      return "target: " + api.ndisName() + " returned "
          + (thrown != null ? "by throwing " + thrown : status == null ? "" : status.ndisName())
          + " (call #" + callSeq + ")";
    }
  }

  /**
   * The target called a host function.
   *
   * @param connection the host's name for the object concerned, or null when unknown
   * @param nbls the lists passed, in chain order, as they were at the call
   * @param tree for initiate and terminate completions, the tree in walk order, else empty
   * @param offloadEvent for the event handler, else null
   * @param reason for TcpIndicateRetrieve, else null
   * @param status for status indications and receive indications, else null
   * @param hostThread whether the call came on the host thread
   */
  record Upcall(long seq, long timeNanos, Api api, String connection, List<NblView> nbls,
      List<BlockView> tree, TcpOffloadEvent offloadEvent, TcpUploadReason reason,
      NdisStatus status, boolean hostThread) implements Event {
    @Override
    public String describe() {
      StringBuilder sb = new StringBuilder("target: ").append(api.ndisName()).append("(");
      if (connection != null) {
        sb.append(connection);
      }
      if (offloadEvent != null) {
        sb.append(", ").append(offloadEvent).append(reason == null ? "" : " " + reason);
      }
      if (status != null) {
        sb.append(", ").append(status.ndisName());
      }
      if (!nbls.isEmpty()) {
        sb.append(", NBL ").append(nbls);
      }
      for (BlockView b : tree) {
        sb.append(", ").append(b.name()).append("=").append(b.status().ndisName());
      }
      return sb.append(")").toString();
    }
  }

  /**
   * A packet crossed the link.
   *
   * @param packetNumber its number in the scenario's capture, from 1 (as Wireshark numbers it)
   * @param connection the host's name for the connection it belongs to, or null when unknown
   */
  record Packet(long seq, long timeNanos, int packetNumber, Direction direction,
      TcpSegment segment, String connection) implements Event {
    @Override
    public String describe() {
      return "packet " + packetNumber + " " + (direction == Direction.TO_PEER ? "target>peer " : "peer>target ")
          + segment;
    }
  }

  /** A scenario step or harness remark, for readers of the log. */
  record Note(long seq, long timeNanos, String text) implements Event {
    @Override
    public String describe() {
      return "step: " + text;
    }
  }
}
