package dev.chimney.host;

/**
 * Step code asked the host stack for something the specification forbids the host to do, so the
 * host refuses instead of breaking its own obligation (for example reissuing a failed disconnect,
 * DSC-12, or offloading between UPLOAD_ALL and OFFLOAD_RESUME, TRM-7). The message starts with the
 * rule ID and cites the event that makes the request unlawful.
 */
public final class HostRefusalException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String ruleId;

  /**
   * @param ruleId the rule the request would break ("DSC-12")
   * @param reason why, citing the event ("disconnect of TCP1 failed at event #12")
   */
  public HostRefusalException(String ruleId, String reason) {
    super(ruleId + ": host refuses: " + reason);
    this.ruleId = ruleId;
  }

  /** The rule the refused request would have broken. */
  public String ruleId() {
    return ruleId;
  }
}
