/**
 * Reading captures in bulk: classic pcap (either byte order, micro- or nanosecond timestamps) and
 * pcapng (either byte order per section, per-interface link type and timestamp resolution,
 * enhanced, simple and obsolete packet blocks, packet comments and direction flags), streamed
 * through one reusable buffer, and the decoding of each record's link, IPv4 or IPv6 and TCP headers
 * in place. Plain Java rather than pcap4j: this is the bulk path of {@code check-trace}, where
 * pcap4j's per-packet allocations and native calls cost ten to forty times the read itself. Bad
 * input fails with a {@link dev.chimney.wire.capture.CaptureFormatException} that names the file and
 * the record; problems that leave the rest usable are {@link dev.chimney.wire.capture.CaptureNotice}s.
 */
package dev.chimney.wire.capture;
