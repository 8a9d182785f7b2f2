package dev.chimney.faulty.trm;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpUploadReason;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code faulty:TRM-3}: TcpIndicateRetrieve for the connection's path instead of the connection;
 * {@code faulty:TRM-3:repeated-request}: only when it asks again for a connection it already asked for.
 */
public class Trm3RetrieveOfPath extends Fault {
  private final boolean repeatedOnly;

  public Trm3RetrieveOfPath() {
    this(false);
  }

  Trm3RetrieveOfPath(boolean repeatedOnly) {
    super("TRM-3", repeatedOnly ? "repeated-request" : null, repeatedOnly
        ? "names the connection's path when it repeats a TcpIndicateRetrieve"
        : "names the connection's path in TcpIndicateRetrieve (a termination requested for a path object)");
    this.repeatedOnly = repeatedOnly;
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      private final Set<NdisOffloadHandle> asked = new HashSet<>();

      @Override
      public void tcpOffloadEvent(NdisOffloadHandle connection, TcpOffloadEvent event, TcpUploadReason reason) {
        NdisOffloadHandle named = connection;
        if (event == TcpOffloadEvent.INDICATE_RETRIEVE && (!asked.add(connection) || !repeatedOnly)) {
          named = connections.byHandle(connection).map(c -> c.pathHandle).orElse(connection);
        }
        super.tcpOffloadEvent(named, event, reason);
      }
    };
  }

  /** {@code faulty:TRM-3:repeated-request}. */
  public static final class RepeatedRequest extends Trm3RetrieveOfPath {
    public RepeatedRequest() {
      super(true);
    }
  }
}
