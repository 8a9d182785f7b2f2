package dev.chimney.trace;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the host actions back out of the packet comments that {@code certify} writes into its
 * captures ("#21 host: MiniportTcpOffloadDisconnect(TCP1, ABORTIVE_CLOSE, NBL [#4(0B
 * NDIS_STATUS_SUCCESS)])", see {@code Event.describe()}). Comments in other forms are ignored.
 *
 * <p>The comments name objects as the host did ("TCP1"); the trace judge names connections in the
 * order it first sees them, which is the host's order when the host opens its connections one after
 * the other, as the scenarios do. An initiate's and a terminate's connections are named only in
 * their completions, so those stand for the whole request. Public for {@code replay}, which issues
 * the host's actions again. Stateless; any thread.
 */
public final class CommentActions {
  private static final Pattern EVENT = Pattern.compile("#\\d+ (host|target): (\\w+)\\((.*)\\)");
  private static final Pattern NBL = Pattern.compile("#(\\d+)\\((\\d+)B (NDIS_STATUS_\\w+)\\)");
  private static final Pattern TREE_TCP = Pattern.compile("(TCP\\d+)=(NDIS_STATUS_\\w+)");
  private static final Pattern FIRST_ARGUMENT = Pattern.compile("^(\\w*)");

  /**
   * One action read from a comment.
   *
   * @param fromTarget true for the target's upcalls (completions), which may follow the packet they
   *     are written on when it is the capture's last
   */
  public record Parsed(HostAction action, boolean fromTarget) {}

  private CommentActions() {}

  /** True when {@code comment} is in certify's form: what tells an annotated capture. */
  public static boolean isChimneyEvent(String comment) {
    return EVENT.matcher(comment).matches();
  }

  /**
   * The actions in one comment on packet {@code packet}; empty when it holds none the judge uses.
   *
   * @param ownConnection the name of the connection of the packet the comment is on, for host sends
   *     that named none
   */
  public static List<Parsed> parse(String comment, long packet, String ownConnection) {
    Matcher m = EVENT.matcher(comment);
    if (!m.matches()) {
      return List.of();
    }
    boolean target = m.group(1).equals("target");
    String api = m.group(2);
    String args = m.group(3);
    Matcher first = FIRST_ARGUMENT.matcher(args);
    String connection = first.find() && !first.group(1).isEmpty() ? first.group(1) : ownConnection;
    String source = "packet " + packet + " comment";
    List<Parsed> out = new ArrayList<>();
    switch (api) {
      case "MiniportSendNetBufferLists" -> out.add(new Parsed(
          action(source, ActionKind.HOST_SEND, packet, connection, 0, List.of(), NdisStatus.SUCCESS), false));
      case "MiniportTcpOffloadSend" -> nbls(args).forEach(n -> out.add(new Parsed(
          action(source, ActionKind.SEND, packet, connection, n.bytes, List.of(n.id), NdisStatus.SUCCESS), false)));
      case "MiniportTcpOffloadDisconnect" -> {
        boolean abortive = args.contains(DisconnectFlags.ABORTIVE_CLOSE.name());
        List<Nbl> lists = nbls(args);
        int bytes = lists.isEmpty() ? 0 : lists.get(0).bytes;
        out.add(new Parsed(action(source, abortive ? ActionKind.ABORTIVE_DISCONNECT : ActionKind.GRACEFUL_DISCONNECT,
            packet, connection, abortive ? 0 : bytes, lists.isEmpty() ? List.of() : List.of(lists.get(0).id),
            NdisStatus.SUCCESS), false));
      }
      case "NdisTcpOffloadSendComplete" -> nbls(args).forEach(n -> out.add(new Parsed(
          action(source, ActionKind.SEND_COMPLETE, packet, connection, 0, List.of(n.id), n.status), true)));
      case "NdisTcpOffloadDisconnectComplete" -> nbls(args).forEach(n -> out.add(new Parsed(
          action(source, ActionKind.DISCONNECT_COMPLETE, packet, connection, 0, List.of(n.id), n.status), true)));
      case "NdisMInitiateOffloadComplete", "NdisMTerminateOffloadComplete" -> {
        Matcher t = TREE_TCP.matcher(args);
        while (t.find()) {
          NdisStatus status = status(t.group(2));
          boolean offloaded = status == NdisStatus.SUCCESS || status == NdisStatus.OFFLOAD_PARTIAL_SUCCESS;
          if (api.equals("NdisMTerminateOffloadComplete") || offloaded) {
            ActionKind kind = api.equals("NdisMInitiateOffloadComplete") ? ActionKind.OFFLOAD : ActionKind.TERMINATE;
            out.add(new Parsed(action(source, kind, packet, t.group(1), 0, List.of(), status), true));
          }
        }
      }
      default -> { }
    }
    return out;
  }

  private record Nbl(long id, int bytes, NdisStatus status) {}

  private static List<Nbl> nbls(String args) {
    List<Nbl> out = new ArrayList<>();
    Matcher n = NBL.matcher(args);
    while (n.find()) {
      out.add(new Nbl(Long.parseLong(n.group(1)), Integer.parseInt(n.group(2)), status(n.group(3))));
    }
    return out;
  }

  private static NdisStatus status(String ndisName) {
    for (NdisStatus s : NdisStatus.values()) {
      if (s.ndisName().equals(ndisName)) {
        return s;
      }
    }
    return NdisStatus.FAILURE;
  }

  private static HostAction action(String source, ActionKind kind, long packet, String connection, int bytes,
      List<Long> ids, NdisStatus status) {
    return new HostAction(source, kind, packet, -1, connection, bytes, ids, status, Map.of());
  }
}
