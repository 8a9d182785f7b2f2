package dev.chimney.wire.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds capture files and packets byte by byte, for the reader's tests. */
final class CaptureBytes {
  static final byte[] TARGET = {(byte) 192, 0, 2, 1};
  static final byte[] PEER = {(byte) 198, 51, 100, 7};
  static final int SYN = 0x02;
  static final int ACK = 0x10;
  static final int RST = 0x04;

  private CaptureBytes() {}

  /** An IPv4/TCP packet with {@code payload} data bytes, of which {@code captured} are present (-1: all). */
  static byte[] ipv4Tcp(int flags, long seq, int payload, int totalLengthField) {
    ByteBuffer b = ByteBuffer.allocate(40 + payload);
    b.put((byte) 0x45).put((byte) 0).putShort((short) totalLengthField).putShort((short) 0).putShort((short) 0x4000)
        .put((byte) 64).put((byte) 6).putShort((short) 0).put(TARGET).put(PEER);
    tcp(b, flags, seq);
    return b.array();
  }

  static byte[] ipv4Tcp(int flags, long seq, int payload) {
    return ipv4Tcp(flags, seq, payload, 40 + payload);
  }

  /** An IPv6/TCP packet behind one hop-by-hop extension header. */
  static byte[] ipv6Tcp(int flags, long seq, int payload) {
    ByteBuffer b = ByteBuffer.allocate(40 + 8 + 20 + payload);
    b.putInt(0x60000000).putShort((short) (8 + 20 + payload)).put((byte) 0).put((byte) 64);
    b.put(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
    b.put(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7});
    b.put((byte) 6).put((byte) 0).put(new byte[6]);
    tcp(b, flags, seq);
    return b.array();
  }

  private static void tcp(ByteBuffer b, int flags, long seq) {
    b.putShort((short) 80).putShort((short) 40000).putInt((int) seq).putInt(77).put((byte) 0x50).put((byte) flags)
        .putShort((short) 1000).putShort((short) 0).putShort((short) 0);
  }

  static byte[] udp() {
    ByteBuffer b = ByteBuffer.allocate(28);
    b.put((byte) 0x45).put((byte) 0).putShort((short) 28).putShort((short) 0).putShort((short) 0)
        .put((byte) 64).put((byte) 17).putShort((short) 0).put(TARGET).put(PEER);
    return b.array();
  }

  /** Ethernet II around {@code ip}, with {@code vlanTags} 802.1Q/802.1ad tags. */
  static byte[] ethernet(byte[] ip, int etherType, int vlanTags) {
    ByteBuffer b = ByteBuffer.allocate(14 + 4 * vlanTags + ip.length);
    b.put(new byte[12]);
    for (int i = 0; i < vlanTags; i++) {
      b.putShort((short) (i == 0 ? 0x88A8 : 0x8100)).putShort((short) (100 + i));
    }
    b.putShort((short) etherType).put(ip);
    return b.array();
  }

  static byte[] sll(byte[] ip, int protocol) {
    return ByteBuffer.allocate(16 + ip.length).putShort((short) 0).putShort((short) 1).putShort((short) 6)
        .put(new byte[8]).putShort((short) protocol).put(ip).array();
  }

  static byte[] sll2(byte[] ip, int protocol) {
    return ByteBuffer.allocate(20 + ip.length).putShort((short) protocol).putShort((short) 0).putInt(3)
        .putShort((short) 1).put((byte) 0).put((byte) 6).put(new byte[8]).put(ip).array();
  }

  /** A classic pcap file. */
  static final class Pcap {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;
    private final boolean nanos;

    Pcap(ByteOrder order, boolean nanos, int linkType) {
      this.order = order;
      this.nanos = nanos;
      out.writeBytes(buf(24).putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4)
          .putInt(0).putInt(0).putInt(262144).putInt(linkType).array());
    }

    private ByteBuffer buf(int n) {
      return ByteBuffer.allocate(n).order(order);
    }

    Pcap record(long seconds, long fraction, byte[] data, int captured, long original) {
      out.writeBytes(buf(16).putInt((int) seconds).putInt((int) fraction).putInt(captured).putInt((int) original).array());
      out.write(data, 0, captured < 0 ? 0 : Math.min(captured, data.length));
      return this;
    }

    Pcap record(byte[] data) {
      return record(1, nanos ? 5000 : 5, data, data.length, data.length);
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  /** A pcapng file. */
  static final class Pcapng {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    Pcapng(ByteOrder order) {
      this.order = order;
      block(0x0A0D0D0A, buf(16).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).array());
    }

    private ByteBuffer buf(int n) {
      return ByteBuffer.allocate(n).order(order);
    }

    Pcapng block(int type, byte[] body) {
      int padded = (body.length + 3) & ~3;
      out.writeBytes(buf(8 + padded + 4).putInt(type).putInt(12 + padded).put(body).position(8 + padded)
          .putInt(12 + padded).array());
      return this;
    }

    byte[] option(int code, byte[] value) {
      int padded = (value.length + 3) & ~3;
      return buf(4 + padded).putShort((short) code).putShort((short) value.length).put(value).array();
    }

    Pcapng iface(int linkType, Integer tsresol) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(buf(8).putShort((short) linkType).putShort((short) 0).putInt(0).array());
      if (tsresol != null) {
        body.writeBytes(option(9, new byte[] {(byte) (int) tsresol}));
      }
      body.writeBytes(option(0, new byte[0]));
      return block(1, body.toByteArray());
    }

    Pcapng packet(int iface, long ticks, byte[] data, int flags, String... comments) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(buf(20).putInt(iface).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length)
          .putInt(data.length).array());
      body.writeBytes(data);
      body.writeBytes(new byte[((data.length + 3) & ~3) - data.length]);
      if (flags != 0) {
        body.writeBytes(option(2, buf(4).putInt(flags).array()));
      }
      for (String c : comments) {
        body.writeBytes(option(1, c.getBytes(StandardCharsets.UTF_8)));
      }
      body.writeBytes(option(0, new byte[0]));
      return block(6, body.toByteArray());
    }

    Pcapng simplePacket(byte[] data) {
      return block(3, ByteBuffer.allocate(4 + data.length).order(order).putInt(data.length).put(data).array());
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
