package dev.chimney.remote;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.ForwardingOffloadHost;
import dev.chimney.spi.ForwardingOffloadTarget;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBuffer;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.TcpOffloadEvent;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The reference NIC with one {@link Fault}: its handlers pass through to the NIC except the
 * disconnect, and its host side passes the NIC's upcalls through except where the fault changes
 * them. Every target here is wrong on purpose.
 */
final class FaultyTarget {
  private FaultyTarget() {}

  /** Far from any id the host gives in a scenario. */
  static final long FOREIGN_NBL_ID = 999_999;
  /** The exit code of {@link Fault#PROCESS_EXITS}. */
  static final int EXIT_CODE = 3;
  /** How many indications {@link Fault#FLOODS} sends: beyond the harness's limit. */
  static final int FLOOD = 1_000_000;

  /** The host side the NIC is created with. */
  static final class Host extends ForwardingOffloadHost {
    private final Fault fault;

    Host(OffloadHost host, Fault fault) {
      super(host);
      this.fault = fault;
    }

    @Override
    public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
      switch (fault) {
        case COMPLETES_TWICE -> {
          delegate().tcpOffloadDisconnectComplete(nbl);
          delegate().tcpOffloadDisconnectComplete(nbl);
        }
        case UNKNOWN_NBL -> delegate().tcpOffloadDisconnectComplete(new NetBufferList(FOREIGN_NBL_ID, NetBuffer.empty(0)));
        default -> delegate().tcpOffloadDisconnectComplete(nbl);
      }
    }

    @Override
    public void terminateOffloadComplete(OffloadBlockList root) {
      delegate().terminateOffloadComplete(root);
      if (fault == Fault.UPCALL_AFTER_TERMINATE) {
        for (OffloadBlockList n : root.walk()) {
          if (n.stateType() == OffloadStateType.TCP) {
            NdisOffloadHandle h = n.ndisOffloadHandle();
            Thread t = new Thread(() -> delegate().tcpOffloadEvent(h, TcpOffloadEvent.INDICATE_DISCONNECT, null),
                "faulty-target-own-thread");
            t.start();
            join(t);
          }
        }
      }
    }

    private static void join(Thread t) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The handlers: the NIC's, but for the disconnect. */
  static final class Target extends ForwardingOffloadTarget {
    private final OffloadHost host;
    private final Fault fault;

    Target(OffloadTarget nic, OffloadHost host, Fault fault) {
      super(nic);
      this.host = host;
      this.fault = fault;
    }

    @Override
    public NdisStatus tcpOffloadDisconnect(Object context, NetBufferList nbl, DisconnectFlags flags) {
      switch (fault) {
        case HANDLER_THROWS -> throw new IllegalStateException("injected fault: the disconnect handler throws");
        case NEVER_COMPLETES -> {
          return NdisStatus.PENDING;
        }
        case FORBIDDEN_STATUS -> {
          delegate().tcpOffloadDisconnect(context, nbl, flags);
          return NdisStatus.SUCCESS;
        }
        case PROCESS_EXITS -> Runtime.getRuntime().halt(EXIT_CODE);
        case WRITES_GARBAGE -> writeToProtocolStream("this is not a frame\n".getBytes(StandardCharsets.US_ASCII));
        case HUGE_FRAME -> writeToProtocolStream(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, '{'});
        case FLOODS -> {
          for (int i = 0; i < FLOOD; i++) {
            host.indicateStatus(NdisStatus.OFFLOAD_RESUME);
          }
        }
        default -> { }
      }
      return delegate().tcpOffloadDisconnect(context, nbl, flags);
    }

    /** Writes past the server, straight onto the process's standard output, which carries the protocol. */
    private static void writeToProtocolStream(byte[] bytes) {
      try {
        DataOutputStream out = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
