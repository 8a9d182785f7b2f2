package dev.chimney.host;

/** Every crossing of the chimney interface, named as in the NDIS documentation. */
public enum Api {
  // host -> target
  INITIATE_OFFLOAD("MiniportInitiateOffload", true),
  TERMINATE_OFFLOAD("MiniportTerminateOffload", true),
  TCP_OFFLOAD_SEND("MiniportTcpOffloadSend", true),
  TCP_OFFLOAD_RECEIVE("MiniportTcpOffloadReceive", true),
  TCP_OFFLOAD_RECEIVE_RETURN("MiniportTcpOffloadReceiveReturn", true),
  TCP_OFFLOAD_DISCONNECT("MiniportTcpOffloadDisconnect", true),
  TCP_OFFLOAD_FORWARD("MiniportTcpOffloadForward", true),
  SEND_NET_BUFFER_LISTS("MiniportSendNetBufferLists", true),
  REQUEST_UPLOAD_ALL("(harness) request UPLOAD_ALL", true),
  REQUEST_RETRIEVE("(harness) request TcpIndicateRetrieve", true),
  // target -> host
  INITIATE_OFFLOAD_COMPLETE("NdisMInitiateOffloadComplete", false),
  TERMINATE_OFFLOAD_COMPLETE("NdisMTerminateOffloadComplete", false),
  TCP_OFFLOAD_SEND_COMPLETE("NdisTcpOffloadSendComplete", false),
  TCP_OFFLOAD_RECEIVE_COMPLETE("NdisTcpOffloadReceiveComplete", false),
  TCP_OFFLOAD_RECEIVE_INDICATE("NdisTcpOffloadReceiveHandler", false),
  TCP_OFFLOAD_DISCONNECT_COMPLETE("NdisTcpOffloadDisconnectComplete", false),
  TCP_OFFLOAD_FORWARD_COMPLETE("NdisTcpOffloadForwardComplete", false),
  TCP_OFFLOAD_EVENT("NdisTcpOffloadEventHandler", false),
  INDICATE_STATUS("NdisMIndicateStatusEx", false),
  INDICATE_RECEIVE_NET_BUFFER_LISTS("NdisMIndicateReceiveNetBufferLists", false);

  private final String ndisName;
  private final boolean hostToTarget;

  Api(String ndisName, boolean hostToTarget) {
    this.ndisName = ndisName;
    this.hostToTarget = hostToTarget;
  }

  /** The function's name in the NDIS documentation. */
  public String ndisName() {
    return ndisName;
  }

  /** True for the target's handlers (host calls), false for the host's functions (target upcalls). */
  public boolean hostToTarget() {
    return hostToTarget;
  }

  /**
   * True for the harness's own requests to the target (the SPI's test hooks that stand for what
   * would make a real NIC ask for a retrieve or an UPLOAD_ALL): not calls of the chimney interface,
   * so rules about what the host calls do not count them.
   */
  public boolean harnessRequest() {
    return this == REQUEST_UPLOAD_ALL || this == REQUEST_RETRIEVE;
  }
}
