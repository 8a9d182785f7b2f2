package dev.chimney.rules.monitor;

import dev.chimney.rules.RuleMonitor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Every monitor, by the ID of the rule it judges: the one place that maps the catalogue to code. */
public final class Monitors {
  private static final Map<String, Function<MonitorContext, RuleMonitor>> BY_RULE = new LinkedHashMap<>();

  static {
    BY_RULE.put("TRM-1", Trm1RetrieveThroughEventHandler::new);
    BY_RULE.put("TRM-2", Trm2RetrieveNamesOneConnection::new);
    BY_RULE.put("TRM-3", Trm3NoRetrieveOfNeighborOrPath::new);
    BY_RULE.put("TRM-4", Trm4RepeatedRetrieveTolerated::new);
    BY_RULE.put("TRM-5", Trm5TerminateInAnyState::new);
    BY_RULE.put("TRM-6", Trm6UploadAllTerminatesEverything::new);
    BY_RULE.put("TRM-7", Trm7NoOffloadUntilResume::new);
    BY_RULE.put("TRM-8", Trm8FailoverKeepsStream::new);
    BY_RULE.put("TOC-1", Toc1TerminateCompletedOnce::new);
    BY_RULE.put("TOC-2", Toc2TerminateStatusSuccessOrFailure::new);
    BY_RULE.put("TOC-3", Toc3DelegatedStateMatchesWire::new);
    BY_RULE.put("TOC-4", Toc4FailureOnlyOnLoss::new);
    BY_RULE.put("TOC-5", Toc5SendDataHandedBackInOrder::new);
    BY_RULE.put("TOC-6", Toc6SendVariablesSetWithData::new);
    BY_RULE.put("TOC-7", Toc7NoChainWithoutSendData::new);
    BY_RULE.put("TOC-8", Toc8ReceivedDataNotLost::new);
    BY_RULE.put("TOC-9", Toc9NothingAfterTerminate::new);
    BY_RULE.put("TOC-10", Toc10SegmentsDuringTerminateGoToHost::new);
    BY_RULE.put("PAR-1", Par1FailureReportedInStatus::new);
    BY_RULE.put("PAR-2", Par2NblStatusUntouchedOnFailure::new);
    BY_RULE.put("PAR-3", Par3NoSendCompleteOnFailure::new);
    BY_RULE.put("PAR-4", Par4ParentFirstWalk::new);
    BY_RULE.put("PAR-5", Par5FailureStopsWalk::new);
    BY_RULE.put("PAR-6", Par6ResourcesWalkGoesOn::new);
    BY_RULE.put("PAR-7", Par7PartialSuccessStatus::new);
    BY_RULE.put("DSC-1", Dsc1DisconnectPendingThenCompletedOnce::new);
    BY_RULE.put("DSC-2", Dsc2RstOnAbortiveClose::new);
    BY_RULE.put("DSC-3", Dsc3RstOnlyOnAbortiveClose::new);
    BY_RULE.put("DSC-4", Dsc4SendsAbortedBeforeAbortiveComplete::new);
    BY_RULE.put("DSC-5", Dsc5NoAckAfterAbortiveClose::new);
    BY_RULE.put("DSC-6", Dsc6AbortiveNblEmpty::new);
    BY_RULE.put("DSC-7", Dsc7FinAfterLastDataByte::new);
    BY_RULE.put("DSC-8", Dsc8FinNotHeldForAck::new);
    BY_RULE.put("DSC-9", Dsc9ReceiveHalfOpenAfterFin::new);
    BY_RULE.put("DSC-10", Dsc10SendsCompletedBeforeGracefulComplete::new);
    BY_RULE.put("DSC-11", Dsc11DisconnectFailsOnlyWhenUploadingOrAborted::new);
    BY_RULE.put("DSC-12", Dsc12NoReissueAfterFailedDisconnect::new);
    BY_RULE.put("DSC-13", Dsc13StateKeptUntilTerminate::new);
    BY_RULE.put("FWD-1", Fwd1ForwardReturnsPending::new);
    BY_RULE.put("FWD-2", Fwd2ForwardCompletedOnce::new);
    BY_RULE.put("FWD-3", Fwd3ForwardedDataProcessed::new);
    BY_RULE.put("FWD-4", Fwd4OneSegmentPerNbl::new);
    BY_RULE.put("FWD-5", Fwd5ForwardOnlyWhenOffloaded::new);
    BY_RULE.put("SND-1", Snd1CompletionInDeliveryOrder::new);
    BY_RULE.put("SND-2", Snd2SuccessMeansAcked::new);
    BY_RULE.put("SND-3", Snd3FailureFailsRestOfChain::new);
  }

  private Monitors() {}

  /** The IDs of the rules that have a monitor, in catalogue order. */
  public static Set<String> ruleIds() {
    return Collections.unmodifiableSet(BY_RULE.keySet());
  }

  /**
   * A new monitor for {@code ruleId} in the scenario of {@code context}.
   *
   * @throws IllegalStateException when no monitor judges that rule (a harness bug: every catalogue
   *     rule has one)
   */
  public static RuleMonitor create(String ruleId, MonitorContext context) {
    Function<MonitorContext, RuleMonitor> factory = BY_RULE.get(ruleId);
    if (factory == null) {
      throw new IllegalStateException("no monitor for rule " + ruleId + " (known: " + BY_RULE.keySet() + ")");
    }
    return factory.apply(context);
  }
}
