package dev.chimney.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chimney.host.RunSettings;
import dev.chimney.spi.Capability;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The provider of a remote target: it holds one connection for the run, opened with the first
 * handshake, and opens a new one (restarting a child process) for the next scenario whenever the
 * last one broke. Its name is what the user gave {@code --target}; its capabilities are the ones
 * the target's hello declares, without {@link Capability#VIRTUAL_TIME}: across a process boundary
 * the harness cannot drive the target's time, so the session runs on real time.
 *
 * <p>Called on the host thread (create, capabilities); connections are swapped under its lock.
 */
public final class RemoteTargetProvider implements OffloadTargetProvider {
  private final String name;
  private final Supplier<Transport> transports;
  private final AtomicLong instances = new AtomicLong();
  private RemoteConnection connection;
  private ObjectNode hello;

  /**
   * @param name the target as given to {@code --target}, "process:..." or "tcp:..."
   * @param transports opens a new transport each time one is needed (starts the process anew)
   */
  RemoteTargetProvider(String name, Supplier<Transport> transports) {
    this.name = name;
    this.transports = transports;
  }

  /**
   * Opens the first connection now, so that a target that cannot start is reported before any
   * scenario runs.
   *
   * @throws RemoteTargetException when the target cannot be started or fails the handshake
   */
  synchronized void connect() {
    if (connection == null || !connection.alive()) {
      connection = RemoteConnection.open(transports.get(), name);
      hello = connection.hello();
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized String description() {
    return hello.path("description").asText("") + " (" + hello.path("name").asText("?") + ", over the target protocol)";
  }

  /** What the target's hello declares, less VIRTUAL_TIME; names this harness does not know are ignored. */
  @Override
  public synchronized Set<Capability> capabilities() {
    Set<Capability> out = EnumSet.noneOf(Capability.class);
    for (JsonNode c : hello.path("capabilities")) {
      Arrays.stream(Capability.values()).filter(k -> k.name().equals(c.asText())).forEach(out::add);
    }
    out.remove(Capability.VIRTUAL_TIME);
    return out;
  }

  /**
   * Creates the scenario's instance on the remote side, first reconnecting if the connection broke
   * in an earlier scenario.
   *
   * @throws RemoteTargetException when the target cannot be reached or refuses; the session reports
   *     it as the reason the target could not start
   */
  @Override
  public OffloadTarget create(TargetContext context) {
    RemoteConnection c;
    synchronized (this) {
      connect();
      c = connection;
    }
    c.newScenario();
    return new RemoteTarget(c, instances.incrementAndGet(), context, RunSettings.timeouts().completion());
  }
}
