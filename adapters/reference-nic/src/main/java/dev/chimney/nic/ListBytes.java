package dev.chimney.nic;

import dev.chimney.spi.NetBufferList;
import java.io.ByteArrayOutputStream;

/** The data the host's lists carry, as one array: what the engine queues, delivers and decodes. */
final class ListBytes {
  private ListBytes() {}

  /** The data of {@code list} alone, its buffers in order; the lists chained after it are not read. */
  static byte[] of(NetBufferList list) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(list.dataLength());
    list.buffers().forEach(b -> out.writeBytes(b.data()));
    return out.toByteArray();
  }

  /** The data of every list of {@code chain}, in chain order; empty for a null chain. */
  static byte[] ofChain(NetBufferList chain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NetBufferList.toList(chain).forEach(list -> out.writeBytes(of(list)));
    return out.toByteArray();
  }
}
