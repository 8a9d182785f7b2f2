package dev.chimney.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetBufferListTest {
  private static NetBuffer buffer(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return NetBuffer.ofData(b);
  }

  @Test
  void aListsDataIsItsBuffersInOrderWithoutTheListsChainedAfterIt() {
    NetBufferList first = new NetBufferList(1, List.of(buffer(1, 2), buffer(), buffer(3)));
    NetBufferList.chain(List.of(first, new NetBufferList(2, buffer(4))));

    assertThat(first.data()).containsExactly(1, 2, 3);
  }

  @Test
  void listsDataIsEveryListInTheGivenOrderAndACopy() {
    NetBufferList a = new NetBufferList(1, buffer(1));
    NetBufferList b = new NetBufferList(2, List.of(buffer(2, 3), buffer(4)));

    byte[] data = NetBufferList.data(List.of(b, a));
    assertThat(data).containsExactly(2, 3, 4, 1);
    data[0] = 9;
    assertThat(b.data()).containsExactly(2, 3, 4);
    assertThat(NetBufferList.data(List.of())).isEmpty();
  }
}
