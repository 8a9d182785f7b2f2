package dev.chimney.host;

import dev.chimney.peer.PeerConnection;
import dev.chimney.wire.Endpoint;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A session around a {@link StubTarget}, with the conventions' endpoints and event look-ups. */
final class StubWorld implements AutoCloseable {
  static final Endpoint LOCAL_1 = endpoint(Session.TARGET_ADDRESS, 40001);
  static final Endpoint LOCAL_2 = endpoint(Session.TARGET_ADDRESS, 40002);
  static final Endpoint PEER_1 = endpoint(ipv4(198, 51, 100, 20), 80);
  static final Endpoint PEER_2 = endpoint(ipv4(198, 51, 100, 30), 80);

  final StubTarget.Provider provider = new StubTarget.Provider();
  final Session session = Session.open(provider, Map.of(), Timeouts.DEFAULTS);
  final StubTarget target = provider.last;
  final HostStack host = session.host();

  /** A connection to {@code remote}, with the peer listening there. */
  HostConnection connect(Endpoint local, Endpoint remote) {
    session.peer().listen(remote);
    return host.connect(local, remote);
  }

  PeerConnection peerOf(HostConnection c) {
    return session.peer().connection(c.remote(), c.local());
  }

  /** Events of {@code type}, in order. */
  <E extends Event> List<E> events(Class<E> type) {
    return session.log().events().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  List<Event.Call> calls(Api api) {
    return events(Event.Call.class).stream().filter(c -> c.api() == api).collect(Collectors.toList());
  }

  List<Event.Upcall> upcalls(Api api) {
    return events(Event.Upcall.class).stream().filter(c -> c.api() == api).collect(Collectors.toList());
  }

  /** The log as text, for failure messages that cite events. */
  String logText() {
    return session.log().events().stream().map(Session::describeLine).collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    session.close();
  }

  static Endpoint endpoint(Inet4Address a, int port) {
    return new Endpoint(a, port);
  }

  static Inet4Address ipv4(int a, int b, int c, int d) {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
