package dev.chimney.faulty.dsc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.wire.TcpFlag;

/** {@code faulty:DSC-2}: an abortive disconnect puts no RST on the wire. */
public final class Dsc2NoRst extends Fault {
  public Dsc2NoRst() {
    super("DSC-2", null, "sends no RST on an abortive disconnect");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void transmit(byte[] ipPacket) {
        if (!decode(ipPacket).map(s -> s.has(TcpFlag.RST)).orElse(false)) {
          super.transmit(ipPacket);
        }
      }
    };
  }
}
