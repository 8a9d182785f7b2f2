package dev.chimney.faulty.toc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.KnownConnection;

/** {@code faulty:TOC-10}: swallows the segments that arrive while a terminate is in progress. */
public final class Toc10SegmentsSwallowed extends Fault {
  public Toc10SegmentsSwallowed() {
    super("TOC-10", null, "swallows segments arriving while the connection's terminate is in progress, instead of passing them to the host");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void receiveFromWire(byte[] ipPacket) {
        boolean terminating = decode(ipPacket).flatMap(connections::bySegment).map(KnownConnection::terminating).orElse(false);
        if (!terminating) {
          super.receiveFromWire(ipPacket);
        }
      }
    };
  }
}
