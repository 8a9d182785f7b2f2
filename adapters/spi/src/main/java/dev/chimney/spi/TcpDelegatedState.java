package dev.chimney.spi;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * TCP_OFFLOAD_STATE_DELEGATED: the variables the target owns while a connection is offloaded.
 * Every variable can be unset, and unset is not zero: TOC-6 asks that SndUna, SndNxt and SndMax
 * are set when send data is handed back. Sequence numbers are unsigned 32-bit values held in a long.
 *
 * <p>The host fills it before initiate; the target rewrites it before completing a terminate. Not
 * thread-safe: the side that owns the enclosing block list is the only one to touch it.
 */
public final class TcpDelegatedState {
  /** The numeric delegated variables, named as in the structure. */
  public enum Field {
    RCV_NXT, RCV_WND, SND_UNA, SND_NXT, SND_MAX, SND_WND, MAX_SND_WND, SEND_WL1, CWND, SSTHRESH,
    SRTT, RTTVAR, TS_RECENT, TS_RECENT_AGE, TS_TIME, TOTAL_RT, DUP_ACK_COUNT, SND_WND_PROBE_COUNT,
    RETRANSMIT_COUNT
  }

  private final Map<Field, Long> values = new EnumMap<>(Field.class);
  private TcpConnectionState state;
  private NetBufferList bufferedData;

  /** The value of {@code field}, or empty when unset. */
  public OptionalLong get(Field field) {
    Long v = values.get(field);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  /**
   * Sets {@code field}, reduced modulo 2^32: every delegated variable is a 32-bit ULONG in the
   * structure, not only the sequence numbers.
   */
  public TcpDelegatedState set(Field field, long value) {
    values.put(field, value & 0xFFFF_FFFFL);
    return this;
  }

  /** Makes {@code field} unset again. */
  public TcpDelegatedState clear(Field field) {
    values.remove(field);
    return this;
  }

  public OptionalLong sndUna() {
    return get(Field.SND_UNA);
  }

  public OptionalLong sndNxt() {
    return get(Field.SND_NXT);
  }

  public OptionalLong sndMax() {
    return get(Field.SND_MAX);
  }

  public OptionalLong rcvNxt() {
    return get(Field.RCV_NXT);
  }

  public OptionalLong sndWnd() {
    return get(Field.SND_WND);
  }

  public OptionalLong rcvWnd() {
    return get(Field.RCV_WND);
  }

  /** The RFC 793 state, or null when unset. */
  public TcpConnectionState state() {
    return state;
  }

  public TcpDelegatedState setState(TcpConnectionState state) {
    this.state = state;
    return this;
  }

  /**
   * BufferedData: received data the target took off the wire and acknowledged but did not deliver,
   * handed back on terminate (companion page: buffered receive data). Null when none.
   */
  public NetBufferList bufferedData() {
    return bufferedData;
  }

  public TcpDelegatedState setBufferedData(NetBufferList bufferedData) {
    this.bufferedData = bufferedData;
    return this;
  }

  /** A copy, for logs that must not see later changes. The buffered data chain is shared. */
  public TcpDelegatedState copy() {
    TcpDelegatedState c = new TcpDelegatedState();
    c.values.putAll(values);
    c.state = state;
    c.bufferedData = bufferedData;
    return c;
  }

  @Override
  public String toString() {
    return "TcpDelegatedState" + values + (state == null ? "" : " " + state);
  }
}
