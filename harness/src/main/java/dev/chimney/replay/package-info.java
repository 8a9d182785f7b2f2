/**
 * {@code replay}: drives a live target with the peer's side of a recorded trace. {@link
 * dev.chimney.replay.RecordedTraceReader} reads one connection of a manifest's capture (by default
 * the first) into its segments, each marked as the target's or the peer's, and the host actions placed among them;
 * {@link dev.chimney.replay.ReplayDriver} makes a live connection through the host stack, offloads
 * it as {@code certify} does, re-sends the peer's segments with sequence numbers remapped to the
 * live ISNs, issues the host actions at their points, and lets the same rule monitors as {@code
 * certify} judge the run; {@link dev.chimney.replay.SegmentComparison} then compares the target's
 * live segments with its recorded ones field by field, and names the differences it allows.
 */
package dev.chimney.replay;
