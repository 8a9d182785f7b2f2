/**
 * Offline judging of captures ({@code chimney check-trace}): streams any pcap or pcapng file through
 * the wire decoder, names each TCP connection as the host would ("TCP1", "TCP2"... in order of first
 * sight), turns the host actions of a YAML manifest (or of a chimney capture's packet comments) into
 * the host events they stand for, and feeds the same rule monitors that judge {@code certify} runs
 * ({@link dev.chimney.rules.monitor.Monitors}) one connection at a time, forgetting each connection a
 * while after it closes, so memory follows the live connections, not the capture's size. Three
 * threads share the work, each stage handing the next bounded batches: {@link
 * dev.chimney.trace.DecodingReader} reads and decodes, the {@link dev.chimney.trace.TraceJudge}
 * names connections and places the host actions, and {@link dev.chimney.trace.JudgeShards} runs each
 * connection's monitors on the worker that owns it, so the verdicts are those one thread would
 * give. Verdicts use the certification's model ({@link dev.chimney.rules.RuleResult}); what a
 * capture cannot show (API-only rules) is NOT_APPLICABLE with the reason, never PASS. {@link
 * dev.chimney.trace.ConnectionNames} gives other readers of a capture ({@code replay}) the same
 * connection names.
 */
package dev.chimney.trace;
