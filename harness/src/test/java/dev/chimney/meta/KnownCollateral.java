package dev.chimney.meta;

import java.util.Map;

/**
 * The one list of second rules a faulty target may FAIL besides its own: entries where the broken
 * behaviour cannot help breaking another rule too, each with the reason. A faulty target that FAILs
 * a rule not listed here (and not failed by the reference NIC in the same run) fails its meta-test.
 */
final class KnownCollateral {
  private KnownCollateral() {}

  /**
   * The step that checks the broken rule fails first and ends the scenario while a disconnect is
   * still under way (its completion queued, or the peer still withholding its ACKs); DSC-1's
   * end-of-scenario check then reads it as never completed. A harness artifact, not a second fault
   * of the target: the scenario is cut short before the steps that would let it complete.
   */
  private static final String CUT_SHORT = "the failed step ends the scenario while the disconnect is still under way";

  /** By faulty target, the other rules it FAILs, each with why that is unavoidable. */
  static final Map<String, Map<String, String>> BY_TARGET = Map.ofEntries(
      Map.entry("faulty:DSC-7", Map.of("DSC-1", CUT_SHORT)),
      Map.entry("faulty:DSC-7:sends-outstanding", Map.of("DSC-1", CUT_SHORT)),
      Map.entry("faulty:DSC-8", Map.of("DSC-1", CUT_SHORT)),
      Map.entry("faulty:SND-1", Map.of("DSC-1", CUT_SHORT)),
      Map.entry("faulty:SND-1:three-outstanding", Map.of("DSC-1", CUT_SHORT)),
      Map.entry("faulty:SND-2", Map.of("DSC-1", CUT_SHORT)),
      Map.entry("faulty:DSC-12", Map.of(
          "TOC-4", "the fault is a terminate completed with NDIS_STATUS_FAILURE, which TOC-4 forbids without a loss",
          "DSC-13", "DSC-13 asks the terminate after a disconnect to return the state with SUCCESS, which the fault denies")),
      Map.entry("faulty:TOC-5", Map.of(
          "TRM-8", "in the failover the second NIC sends from the chain handed back, so the reversed lists put bytes"
              + " out of place on the wire")),
      Map.entry("faulty:TOC-6", Map.of(
          "DSC-13", "in the 'disconnect pending' state the send data is handed back after a disconnect, and DSC-13"
              + " asks SndNxt set then too")));

  /** Why {@code target} may FAIL {@code rule}, or null when it may not. */
  static String reason(String target, String rule) {
    return BY_TARGET.getOrDefault(target, Map.of()).get(rule);
  }
}
