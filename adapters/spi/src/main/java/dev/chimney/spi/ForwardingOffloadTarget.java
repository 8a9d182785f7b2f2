package dev.chimney.spi;

/**
 * An {@link OffloadTarget} that passes every call on to another: the base of a decorator that
 * changes a few handlers (to log them, to inject a fault) and overrides only those. Calls reach the
 * delegate on the thread they were made on, with the same arguments and return value; {@link
 * #requestUploadAll} and {@link #requestRetrieve} too, so the delegate's support for them is kept.
 */
public abstract class ForwardingOffloadTarget implements OffloadTarget {
  private final OffloadTarget delegate;

  /** @param delegate the target every call not overridden goes to; never null */
  protected ForwardingOffloadTarget(OffloadTarget delegate) {
    if (delegate == null) {
      throw new NullPointerException("delegate");
    }
    this.delegate = delegate;
  }

  /** The target calls are passed on to. */
  protected final OffloadTarget delegate() {
    return delegate;
  }

  @Override
  public NdisStatus initiateOffload(OffloadBlockList root) {
    return delegate.initiateOffload(root);
  }

  @Override
  public NdisStatus terminateOffload(OffloadBlockList root) {
    return delegate.terminateOffload(root);
  }

  @Override
  public NdisStatus tcpOffloadSend(Object context, NetBufferList chain) {
    return delegate.tcpOffloadSend(context, chain);
  }

  @Override
  public NdisStatus tcpOffloadReceive(Object context, NetBufferList chain) {
    return delegate.tcpOffloadReceive(context, chain);
  }

  @Override
  public void tcpOffloadReceiveReturn(NetBufferList chain) {
    delegate.tcpOffloadReceiveReturn(chain);
  }

  @Override
  public NdisStatus tcpOffloadDisconnect(Object context, NetBufferList nbl, DisconnectFlags flags) {
    return delegate.tcpOffloadDisconnect(context, nbl, flags);
  }

  @Override
  public NdisStatus tcpOffloadForward(Object context, NetBufferList chain) {
    return delegate.tcpOffloadForward(context, chain);
  }

  @Override
  public void sendNetBufferLists(byte[] ipPacket) {
    delegate.sendNetBufferLists(ipPacket);
  }

  @Override
  public void receiveFromWire(byte[] ipPacket) {
    delegate.receiveFromWire(ipPacket);
  }

  @Override
  public void requestUploadAll() {
    delegate.requestUploadAll();
  }

  @Override
  public void requestRetrieve(Object context) {
    delegate.requestRetrieve(context);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
