package dev.chimney.host;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one place where the host calls a target handler: it records the {@link Event.Call} with its
 * snapshots, calls, records the {@link Event.Returned}, and never lets what the target throws reach
 * step code (a throw is recorded as the return, for the monitors to judge).
 */
final class TargetGateway {
  private final EventLog log;

  TargetGateway(EventLog log) {
    this.log = log;
  }

  /**
   * Calls {@code handler} between a Call and a Returned event.
   *
   * @param connection the object concerned, or null (ordinary path, harness requests)
   * @param nbls snapshots of the lists handed over; empty when none
   * @param flags for disconnects, else null
   * @param tree snapshots of the block lists for initiate and terminate, else empty
   * @param handler the call; returns the handler's status, or null for void handlers
   * @return the Returned event: its status is null when the handler is void or threw
   */
  Event.Returned call(Api api, String connection, List<NblView> nbls, DisconnectFlags flags,
      List<BlockView> tree, Supplier<NdisStatus> handler) {
    Event.Call call = log.append((seq, time) -> new Event.Call(seq, time, api, connection, nbls, flags, tree));
    NdisStatus status = null;
    String thrown = null;
    try {
      status = handler.get();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable t) {
      thrown = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
    NdisStatus returned = status;
    String threw = thrown;
    return log.append((seq, time) ->
        new Event.Returned(seq, time, call.seq(), api, connection, returned, threw));
  }

  /** Calls a void handler; see {@link #call}. */
  Event.Returned callVoid(Api api, String connection, List<NblView> nbls, Runnable handler) {
    return call(api, connection, nbls, null, List.of(), () -> {
      handler.run();
      return null;
    });
  }
}
