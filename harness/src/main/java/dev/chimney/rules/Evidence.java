package dev.chimney.rules;

/**
 * Where and how a rule was broken: the message reads "DSC-3: expected no RST without an abortive
 * disconnect, actual RST seq 1001; capture reports/x/captures/s.pcapng packet 14".
 *
 * @param ruleId the rule broken
 * @param scenario the scenario's name
 * @param expected what the rule asks for
 * @param actual what happened
 * @param where the capture file and packet number, or the event with its number
 */
public record Evidence(String ruleId, String scenario, String expected, String actual, String where) {
  /** The one-line failure message. */
  public String message() {
    return ruleId + ": expected " + expected + ", actual " + actual + "; " + where;
  }
}
