/**
 * Offline judging of captures ({@code chimney check-trace}): streams any pcap or pcapng file through
 * the wire decoder, names each TCP connection as the host would ("TCP1", "TCP2"... in order of first
 * sight), turns the host actions of a YAML manifest (or of a chimney capture's packet comments) into
 * the host events they stand for, and feeds the same rule monitors that judge {@code certify} runs
 * ({@link dev.chimney.rules.monitor.Monitors}) one connection at a time, forgetting each connection a
 * while after it closes, so memory follows the live connections, not the capture's size. Verdicts
 * use the certification's model ({@link dev.chimney.rules.RuleResult}); what a capture cannot show
 * (API-only rules) is NOT_APPLICABLE with the reason, never PASS.
 */
package dev.chimney.trace;
