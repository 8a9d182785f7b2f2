package dev.chimney.steps;

import dev.chimney.spi.NdisStatus;
import io.cucumber.java.ParameterType;

/** Step parameters in the specification's own spelling. */
public final class ParameterTypes {
  /** "NDIS_STATUS_REQUEST_ABORTED" as written in the features. */
  @ParameterType("NDIS_STATUS_[A-Z_]+")
  public NdisStatus status(String text) {
    return NdisStatus.valueOf(text.substring("NDIS_STATUS_".length()));
  }
}
