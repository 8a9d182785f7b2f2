package dev.chimney.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every method of the interface, default ones included, reaches the delegate unchanged. */
class ForwardingTest {
  /** A call the delegate saw. */
  private record Seen(String method, List<Object> args) {}

  @SuppressWarnings("unchecked")
  private static <T> T recording(Class<T> type, List<Seen> seen) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      seen.add(new Seen(method.getName(), args == null ? List.of() : Arrays.asList(args)));
      return method.getReturnType() == int.class ? 7 : method.getReturnType() == NdisStatus.class
          ? NdisStatus.PENDING : null;
    });
  }

  /** One argument per parameter, told apart from the others by its value. */
  private static Object[] arguments(Method m) {
    Object[] args = new Object[m.getParameterCount()];
    for (int i = 0; i < args.length; i++) {
      Class<?> p = m.getParameterTypes()[i];
      args[i] = p == byte[].class ? new byte[] {(byte) i} : p == Object.class ? "context" + i
          : p == NdisStatus.class ? NdisStatus.SUCCESS : p == DisconnectFlags.class ? DisconnectFlags.ABORTIVE_CLOSE
          : p == TcpOffloadEvent.class ? TcpOffloadEvent.INDICATE_RETRIEVE : null;
    }
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
            .isEqualTo(m.getReturnType() == int.class ? 7 : NdisStatus.PENDING);
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
