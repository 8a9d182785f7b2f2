package dev.chimney.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * What the judge reports about a capture whether or not it knows the target: every RST with its
 * connection and packet and whether an abortive disconnect was requested before it, FINs followed
 * by data past them, and segments after an RST. Lists are capped; counts are not.
 */
public final class Observations {
  /** Entries kept per list; the counts still cover every case. */
  public static final int MAX_ENTRIES = 1000;

  /** An RST on the wire. */
  public record Rst(long packet, String connection, String from, boolean abortiveRequested) {}

  /** A FIN with data past its sequence number from the same side afterwards. */
  public record EarlyFin(long finPacket, long dataPacket, String connection, String from, long finSeq, long dataEnd) {}

  /** Segments on a connection after its first RST. */
  public record AfterRst(String connection, long rstPacket, long firstPacket, long segments) {}

  private final List<Rst> rsts = new ArrayList<>();
  private final List<EarlyFin> earlyFins = new ArrayList<>();
  private final List<AfterRst> afterRsts = new ArrayList<>();
  private long rstCount;
  private long earlyFinCount;
  private long afterRstCount;

  void rst(Rst r) {
    rstCount++;
    if (rsts.size() < MAX_ENTRIES) {
      rsts.add(r);
    }
  }

  void earlyFin(EarlyFin f) {
    earlyFinCount++;
    if (earlyFins.size() < MAX_ENTRIES) {
      earlyFins.add(f);
    }
  }

  void afterRst(AfterRst a) {
    afterRstCount++;
    if (afterRsts.size() < MAX_ENTRIES) {
      afterRsts.add(a);
    }
  }

  public List<Rst> rsts() {
    return List.copyOf(rsts);
  }

  public List<EarlyFin> earlyFins() {
    return List.copyOf(earlyFins);
  }

  public List<AfterRst> afterRsts() {
    return List.copyOf(afterRsts);
  }

  public long rstCount() {
    return rstCount;
  }

  public long earlyFinCount() {
    return earlyFinCount;
  }

  public long afterRstCount() {
    return afterRstCount;
  }
}
