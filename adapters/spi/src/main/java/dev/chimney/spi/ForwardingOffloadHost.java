package dev.chimney.spi;

/**
 * An {@link OffloadHost} that passes every call on to another: the base of a decorator that changes
 * a few upcalls (to log them, to inject a fault, to attribute them to one of several targets) and
 * overrides only those. Calls reach the delegate on the thread they were made on, with the same
 * arguments and return value.
 */
public abstract class ForwardingOffloadHost implements OffloadHost {
  private final OffloadHost delegate;

  /** @param delegate the host every call not overridden goes to; never null */
  protected ForwardingOffloadHost(OffloadHost delegate) {
    if (delegate == null) {
      throw new NullPointerException("delegate");
    }
    this.delegate = delegate;
  }

  /** The host calls are passed on to. */
  protected final OffloadHost delegate() {
    return delegate;
  }

  @Override
  public void initiateOffloadComplete(OffloadBlockList root) {
    delegate.initiateOffloadComplete(root);
  }

  @Override
  public void terminateOffloadComplete(OffloadBlockList root) {
    delegate.terminateOffloadComplete(root);
  }

  @Override
  public void tcpOffloadSendComplete(NetBufferList chain) {
    delegate.tcpOffloadSendComplete(chain);
  }

  @Override
  public void tcpOffloadReceiveComplete(NetBufferList chain) {
    delegate.tcpOffloadReceiveComplete(chain);
  }

  @Override
  public int tcpOffloadReceiveIndicate(NdisOffloadHandle connection, NetBufferList nbl, NdisStatus status) {
    return delegate.tcpOffloadReceiveIndicate(connection, nbl, status);
  }

  @Override
  public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
    delegate.tcpOffloadDisconnectComplete(nbl);
  }

  @Override
  public void tcpOffloadForwardComplete(NetBufferList chain) {
    delegate.tcpOffloadForwardComplete(chain);
  }

  @Override
  public void tcpOffloadEvent(NdisOffloadHandle connection, TcpOffloadEvent event, TcpUploadReason reason) {
    delegate.tcpOffloadEvent(connection, event, reason);
  }

  @Override
  public void indicateStatus(NdisStatus statusCode) {
    delegate.indicateStatus(statusCode);
  }

  @Override
  public void indicateReceiveNetBufferLists(byte[] ipPacket) {
    delegate.indicateReceiveNetBufferLists(ipPacket);
  }
}
