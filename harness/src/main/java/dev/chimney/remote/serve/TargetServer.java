package dev.chimney.remote.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chimney.remote.protocol.CorruptFrameException;
import dev.chimney.remote.protocol.FrameReader;
import dev.chimney.remote.protocol.FrameWriter;
import dev.chimney.remote.protocol.MessageException;
import dev.chimney.remote.protocol.Op;
import dev.chimney.remote.protocol.ProtocolLimits;
import dev.chimney.remote.protocol.SpiJson;
import dev.chimney.spi.Capability;
import dev.chimney.spi.OffloadTargetProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves one harness connection: answers the handshake, creates an instance of the provider's
 * target for each {@code create}, runs every call on the target thread and sends its return, and
 * sends the target's upcalls and packets as they come. {@link #run()} blocks the calling thread
 * (the reader) until the harness closes the connection, then halts every instance left.
 */
public final class TargetServer {
  /**
   * How long a target's receive indication waits for the harness's reply (the bytes consumed)
   * before taking it as 0: only a harness that has gone away fails to answer.
   */
  static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

  private final OffloadTargetProvider provider;
  private final FrameReader reader;
  private final FrameWriter writer;
  private final ScheduledExecutorService targetThread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "chimney-target");
    t.setDaemon(true);
    return t;
  });
  private final Map<Long, ServedInstance> instances = new HashMap<>();
  private final Map<Long, CompletableFuture<Integer>> replies = new ConcurrentHashMap<>();
  private final AtomicLong upcallIds = new AtomicLong();

  /**
   * @param provider the target to serve; each {@code create} calls it once
   * @param in the harness's messages
   * @param out where this side's messages go; nothing else may write to it
   */
  public TargetServer(OffloadTargetProvider provider, InputStream in, OutputStream out) {
    this.provider = provider;
    this.reader = new FrameReader(in);
    this.writer = new FrameWriter(out);
  }

  /**
   * Serves until the harness closes the connection.
   *
   * @throws IOException when the connection fails
   * @throws CorruptFrameException when the harness sends something that is not a frame
   */
  public void run() throws IOException, CorruptFrameException {
    try {
      ObjectNode m;
      while ((m = reader.read()) != null) {
        dispatch(m);
      }
    } finally {
      replies.values().forEach(f -> f.complete(0));
      onTargetThread(() -> {
        instances.values().forEach(ServedInstance::close);
        instances.clear();
      });
      targetThread.shutdownNow();
    }
  }

  private void dispatch(ObjectNode m) throws IOException {
    switch (m.get("type").asText()) {
      case Op.HELLO -> hello(m);
      case Op.CALL -> targetThread.execute(() -> call(m));
      case Op.REPLY -> {
        CompletableFuture<Integer> f = replies.remove(m.path("id").asLong());
        if (f != null) {
          f.complete(m.path("consumed").asInt());
        }
      }
      default -> send(error(null, "unknown message type \"" + m.get("type").asText() + "\""));
    }
  }

  private void hello(ObjectNode m) throws IOException {
    int version = m.path("protocol").asInt(-1);
    if (version != ProtocolLimits.VERSION) {
      send(error(null, "this target speaks protocol version " + ProtocolLimits.VERSION + ", not " + version));
      return;
    }
    ObjectNode hello = FrameWriter.message(Op.HELLO).put("protocol", ProtocolLimits.VERSION)
        .put("name", provider.name()).put("description", provider.description());
    provider.capabilities().stream().map(Capability::name).sorted().forEach(hello.putArray("capabilities")::add);
    send(hello);
  }

  /** Runs one call on the target thread and sends its return. */
  private void call(ObjectNode m) {
    long id = m.path("id").asLong();
    ObjectNode ret = FrameWriter.message(Op.RETURN).put("id", id);
    try {
      Op op = Op.of(SpiJson.text(m, "op"));
      long instanceId = SpiJson.longValue(m, "instance");
      if (op == Op.CREATE) {
        instances.put(instanceId, new ServedInstance(instanceId, provider, m, this));
      } else {
        ServedInstance instance = instances.get(instanceId);
        if (instance == null) {
          throw new MessageException("no instance " + instanceId + " (never created, or closed)");
        }
        instance.call(op, id, m, ret);
        if (op == Op.CLOSE) {
          instances.remove(instanceId);
        }
      }
    } catch (Exception e) {
      ret.put("thrown", e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    trySend(ret);
  }

  /** Sends an upcall; any thread. */
  void upcall(ObjectNode upcall) {
    trySend(upcall);
  }

  /**
   * Sends a receive indication and waits for the bytes the host consumed. Called on whatever thread
   * the target indicates from; the reader thread completes the wait.
   */
  int indicate(ObjectNode upcall) {
    long id = upcallIds.incrementAndGet();
    CompletableFuture<Integer> reply = new CompletableFuture<>();
    replies.put(id, reply);
    upcall.put("id", id);
    trySend(upcall);
    try {
      return reply.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (ExecutionException | TimeoutException e) {
      return 0;
    } finally {
      replies.remove(id);
    }
  }

  /** Sends, or drops the message when the harness has gone: the reader then ends the run. */
  private void trySend(ObjectNode message) {
    try {
      send(message);
    } catch (IOException e) {
      System.err.println("chimney serve-target: the harness connection failed: " + e.getMessage());
    }
  }

  private void send(ObjectNode message) throws IOException {
    writer.write(message);
  }

  private static ObjectNode error(Long id, String text) {
    ObjectNode e = FrameWriter.message(Op.ERROR).put("message", text);
    if (id != null) {
      e.put("id", id);
    }
    return e;
  }

  private void onTargetThread(Runnable r) {
    try {
      targetThread.submit(r).get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
      System.err.println("chimney serve-target: halting the targets failed: " + e);
    }
  }

  /** For {@link ServedInstance}: what a JSON settings object holds, as strings. */
  static Map<String, String> settings(JsonNode settings) {
    Map<String, String> out = new HashMap<>();
    settings.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** For {@link ServedInstance}: the clock of a new instance. */
  ServerClock newClock() {
    return new ServerClock(targetThread);
  }
}
