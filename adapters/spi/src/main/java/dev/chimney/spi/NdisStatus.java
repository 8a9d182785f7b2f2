package dev.chimney.spi;

/**
 * The {@code NDIS_STATUS} values that appear in the chimney interface, with their numeric codes
 * from the Windows headers (used by the out-of-process target protocol).
 */
public enum NdisStatus {
  SUCCESS(0x00000000),
  PENDING(0x00000103),
  FAILURE(0xC0000001),
  RESOURCES(0xC000009A),
  REQUEST_ABORTED(0xC0000240),
  INVALID_PARAMETER(0xC0010015),
  INVALID_STATE(0xC0000184),
  NOT_SUPPORTED(0xC00000BB),
  /** An upload of the connection is in progress; sends posted now fail with it. */
  UPLOAD_IN_PROGRESS(0xC0231001),
  /** Initiate offload: this object was offloaded, but at least one dependent was not. */
  OFFLOAD_PARTIAL_SUCCESS(0x40230001),
  /** Status indication: the target asks the host to terminate every offloaded connection. */
  UPLOAD_ALL(0x40230002),
  /** Status indication: after UPLOAD_ALL, the host may offload to this target again. */
  OFFLOAD_RESUME(0x40230003);

  private final int code;

  NdisStatus(int code) {
    this.code = code;
  }

  /** The 32-bit NDIS_STATUS code. */
  public int code() {
    return code;
  }

  /** The {@code NDIS_STATUS_*} name used in the specification and in failure messages. */
  public String ndisName() {
    return "NDIS_STATUS_" + name();
  }
}
