package dev.chimney.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every method of the interface, default ones included, reaches the delegate unchanged. */
class ForwardingTest {
  /** What the delegate answers: no status a forwarder would return of its own accord. */
  private static final NdisStatus ANSWER = NdisStatus.UPLOAD_ALL;

  /** A call the delegate saw. */
  private record Seen(String method, List<Object> args) {}

  @SuppressWarnings("unchecked")
  private static <T> T recording(Class<T> type, List<Seen> seen) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      seen.add(new Seen(method.getName(), args == null ? List.of() : Arrays.asList(args)));
      return method.getReturnType() == int.class ? 7 : method.getReturnType() == NdisStatus.class
          ? ANSWER : null;
    });
  }

  /**
   * One non-null argument per parameter, told apart from the others by its value, so that a
   * forwarder that passed null, a constant or another of its arguments is caught.
   */
  private static Object[] arguments(Method m) throws Exception {
    Object[] args = new Object[m.getParameterCount()];
    for (int i = 0; i < args.length; i++) {
      Class<?> p = m.getParameterTypes()[i];
      args[i] = p == byte[].class ? new byte[] {(byte) i} : p == Object.class ? "context" + i
          : p == NdisStatus.class ? NdisStatus.SUCCESS : p == DisconnectFlags.class ? DisconnectFlags.ABORTIVE_CLOSE
          : p == TcpOffloadEvent.class ? TcpOffloadEvent.INDICATE_RETRIEVE
          : p == TcpUploadReason.class ? TcpUploadReason.HIGH_DROP_RATE
          : p == NetBufferList.class ? new NetBufferList(100 + i, NetBuffer.empty(0))
          : p == NdisOffloadHandle.class ? new NdisOffloadHandle("handle" + i)
          : p == OffloadBlockList.class ? new OffloadBlockList(
              new NeighborState((Inet4Address) InetAddress.getByName("192.0.2." + (i + 1))), new NdisOffloadHandle("block" + i))
          : null;
    }
    assertThat(args).as(m + ": a value for every parameter type").doesNotContainNull();
    return args;
  }

  private static <T> void forwardsEveryMethod(Class<T> type, T forwarding, List<Seen> seen) throws Exception {
    for (Method m : type.getMethods()) {
      seen.clear();
      Object[] args = arguments(m);
      Object returned = m.invoke(forwarding, args);
      assertThat(seen).as(m.getName()).containsExactly(new Seen(m.getName(), Arrays.asList(args)));
      if (m.getReturnType() != void.class) {
        assertThat(returned).as(m.getName() + " returns the delegate's answer")
            .isEqualTo(m.getReturnType() == int.class ? 7 : ANSWER);
      }
    }
  }

  @Test
  void aForwardingHostPassesEveryUpcallOn() throws Exception {
    List<Seen> seen = new ArrayList<>();
    OffloadHost delegate = recording(OffloadHost.class, seen);
    forwardsEveryMethod(OffloadHost.class, new ForwardingOffloadHost(delegate) {}, seen);
  }

  @Test
  void aForwardingTargetPassesEveryHandlerOnIncludingTheOptionalOnes() throws Exception {
    List<Seen> seen = new ArrayList<>();
    OffloadTarget delegate = recording(OffloadTarget.class, seen);
    forwardsEveryMethod(OffloadTarget.class, new ForwardingOffloadTarget(delegate) {}, seen);
  }
}
