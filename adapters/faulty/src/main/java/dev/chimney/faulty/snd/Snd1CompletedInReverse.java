package dev.chimney.faulty.snd;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NetBufferList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code faulty:SND-1}: completes sends that are done together in reverse delivery order;
 * {@code faulty:SND-1:three-outstanding}: only when three or more are done together.
 */
public class Snd1CompletedInReverse extends Fault {
  private final int atLeast;

  public Snd1CompletedInReverse() {
    this(2);
  }

  Snd1CompletedInReverse(int atLeast) {
    super("SND-1", atLeast > 2 ? "three-outstanding" : null,
        "completes " + atLeast + " or more sends done at once in reverse delivery order");
    this.atLeast = atLeast;
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void tcpOffloadSendComplete(NetBufferList chain) {
        List<NetBufferList> lists = new ArrayList<>(NetBufferList.toList(chain));
        if (lists.size() >= atLeast) {
          Collections.reverse(lists);
          chain = chain(lists);
        }
        super.tcpOffloadSendComplete(chain);
      }
    };
  }

  /** {@code faulty:SND-1:three-outstanding}. */
  public static final class ThreeOutstanding extends Snd1CompletedInReverse {
    /** How many sends done at once it takes. */
    private static final int THREE = 3;

    public ThreeOutstanding() {
      super(THREE);
    }
  }
}
