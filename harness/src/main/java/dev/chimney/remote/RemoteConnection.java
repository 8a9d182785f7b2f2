package dev.chimney.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chimney.remote.protocol.CorruptFrameException;
import dev.chimney.remote.protocol.FrameReader;
import dev.chimney.remote.protocol.FrameWriter;
import dev.chimney.remote.protocol.MessageException;
import dev.chimney.remote.protocol.Op;
import dev.chimney.remote.protocol.ProtocolLimits;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection to a remote target: the handshake, calls that wait for their return, and a reader
 * thread that hands each upcall to the instance it names. The connection breaks for good at the
 * first thing the target does wrong at the protocol level (a corrupt frame, a malformed message, a
 * flood, an error message, a call that never returns, the end of the stream); from then every
 * waiting and every later call throws {@link RemoteTargetException} with that first reason, and the
 * provider starts a new connection for the next scenario.
 *
 * <p>Calls are made on the host thread; upcalls are delivered on the reader thread, in the order
 * the target sent them, each one fully before the next message is read: the target's output is
 * the only queue, so a flood costs the harness nothing but the messages it counts.
 */
final class RemoteConnection {
  /** Takes the upcalls of one instance, on the reader thread. */
  interface UpcallSink {
    void upcall(Op op, ObjectNode message);
  }

  private final Transport transport;
  private final String name;
  private final FrameWriter writer;
  private final Map<Long, CompletableFuture<ObjectNode>> pending = new ConcurrentHashMap<>();
  private final Map<Long, UpcallSink> sinks = new ConcurrentHashMap<>();
  private final CompletableFuture<ObjectNode> hello = new CompletableFuture<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicInteger messages = new AtomicInteger();
  private volatile String brokenBecause;

  private RemoteConnection(Transport transport, String name) {
    this.transport = transport;
    this.name = name;
    this.writer = new FrameWriter(transport.out());
    Thread reader = new Thread(this::readLoop, "chimney-remote-reader " + name);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Opens a connection over {@code transport} and makes the handshake.
   *
   * @param name the target as the user named it, for messages
   * @return the connection and the target's hello
   * @throws RemoteTargetException when the handshake fails; the transport is destroyed
   */
  static RemoteConnection open(Transport transport, String name) {
    RemoteConnection c = new RemoteConnection(transport, name);
    c.handshake();
    return c;
  }

  private void handshake() {
    send(FrameWriter.message(Op.HELLO).put("protocol", ProtocolLimits.VERSION));
    ObjectNode reply = await(hello, ProtocolLimits.HANDSHAKE_TIMEOUT, "the handshake (timeout "
        + ProtocolLimits.HANDSHAKE_TIMEOUT.toSeconds() + " s)");
    int version = reply.path("protocol").asInt(-1);
    if (version != ProtocolLimits.VERSION) {
      throw fail(name + " speaks protocol version " + version + "; this harness speaks " + ProtocolLimits.VERSION);
    }
  }

  /** The target's hello: name, description, capabilities. */
  ObjectNode hello() {
    return hello.getNow(null);
  }

  /** A new id for a call, unique on this connection; the return carries it. */
  long nextId() {
    return ids.incrementAndGet();
  }

  /** Makes {@code sink} receive the upcalls naming {@code instance}. */
  void register(long instance, UpcallSink sink) {
    sinks.put(instance, sink);
  }

  /** Drops what {@code instance} sends from now on: its scenario is over. */
  void unregister(long instance) {
    sinks.remove(instance);
  }

  /** Restarts the message budget: a new scenario begins. */
  void newScenario() {
    messages.set(0);
  }

  /**
   * Sends {@code call} (which carries {@code id}) and waits for its return.
   *
   * @param timeout how long the handler may take; past it the target is taken as hung
   * @param timeoutName the timeout's name, for the message
   * @throws RemoteTargetException when the connection is or becomes broken, or the handler threw
   */
  ObjectNode call(long id, ObjectNode call, Duration timeout, String timeoutName) {
    CompletableFuture<ObjectNode> ret = new CompletableFuture<>();
    pending.put(id, ret);
    try {
      send(call);
      ObjectNode r = await(ret, timeout, "the return of " + call.path("op").asText() + " (timeout '" + timeoutName
          + "', " + timeout.toMillis() + " ms)");
      if (r.hasNonNull("thrown")) {
        throw new RemoteTargetException("the handler of " + name + " threw " + r.get("thrown").asText());
      }
      return r;
    } finally {
      pending.remove(id);
    }
  }

  /** Answers a receive indication; from the reader thread, inside the upcall. */
  void reply(long id, int consumed) {
    send(FrameWriter.message(Op.REPLY).put("id", id).put("consumed", consumed));
  }

  /** Whether nothing has gone wrong yet. */
  boolean alive() {
    return brokenBecause == null;
  }

  /** Why the connection broke, or null. */
  String brokenBecause() {
    return brokenBecause;
  }

  /** Ends the connection politely (end of the run). */
  void close() {
    brokenBecause = brokenBecause == null ? name + ": the connection was closed by the harness" : brokenBecause;
    transport.close();
  }

  private void send(ObjectNode message) {
    requireAlive();
    try {
      writer.write(message);
    } catch (IOException e) {
      throw fail("writing to " + name + " failed: " + e.getMessage());
    }
  }

  private ObjectNode await(CompletableFuture<ObjectNode> f, Duration timeout, String what) {
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw fail(name + " hangs: no answer to " + what);
    } catch (ExecutionException e) {
      throw (RemoteTargetException) e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteTargetException("interrupted waiting for " + what);
    }
  }

  private void requireAlive() {
    String why = brokenBecause;
    if (why != null) {
      throw new RemoteTargetException(why);
    }
  }

  /**
   * Breaks the connection for good with {@code reason} (the first reason wins), kills the target,
   * and fails every waiting call.
   */
  RemoteTargetException fail(String reason) {
    synchronized (this) {
      if (brokenBecause == null) {
        brokenBecause = reason;
      }
    }
    transport.destroy();
    RemoteTargetException e = new RemoteTargetException(brokenBecause);
    hello.completeExceptionally(e);
    pending.values().forEach(p -> p.completeExceptionally(e));
    return e;
  }

  private void readLoop() {
    FrameReader reader = new FrameReader(transport.in());
    try {
      ObjectNode m;
      while ((m = reader.read()) != null) {
        if (messages.incrementAndGet() > ProtocolLimits.MAX_MESSAGES_PER_SCENARIO) {
          fail(name + " flooded the harness: more than " + ProtocolLimits.MAX_MESSAGES_PER_SCENARIO
              + " messages in one scenario");
          return;
        }
        dispatch(m);
      }
      if (alive()) {
        fail(name + ": " + transport.describeEnd());
      }
    } catch (CorruptFrameException e) {
      fail(name + " broke the protocol: " + e.getMessage());
    } catch (MessageException e) {
      fail(name + " sent a malformed message: " + e.getMessage());
    } catch (IOException e) {
      if (alive()) {
        fail(name + ": reading failed (" + e.getMessage() + "); " + transport.describeEnd());
      }
    } catch (RemoteTargetException e) {
      fail(e.getMessage());
    }
  }

  private void dispatch(ObjectNode m) {
    switch (m.get("type").asText()) {
      case Op.HELLO -> hello.complete(m);
      case Op.RETURN -> {
        CompletableFuture<ObjectNode> f = pending.get(m.path("id").asLong());
        if (f == null) {
          throw new MessageException("a return for call " + m.path("id") + ", which is not waiting for one");
        }
        f.complete(m);
      }
      case Op.UPCALL -> {
        Op op = Op.of(m.path("op").asText());
        if (op.isCall()) {
          throw new MessageException("\"" + op.wireName() + "\" is a call, not an upcall");
        }
        UpcallSink sink = sinks.get(m.path("instance").asLong());
        if (sink != null) {
          sink.upcall(op, m);
        }
      }
      case Op.ERROR -> throw new RemoteTargetException(name + " reported an error: " + m.path("message").asText());
      default -> throw new MessageException("unknown message type \"" + m.get("type").asText() + "\"");
    }
  }
}
