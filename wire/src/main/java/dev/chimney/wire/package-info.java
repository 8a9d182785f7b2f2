/**
 * The wire: TCP segments as immutable values, their codec to and from real IPv4/TCP bytes (built
 * and parsed with pcap4j, checksums computed and checked), the simulated link between a target
 * and the remote peer, and the pcapng captures of what crossed it; and {@link
 * dev.chimney.wire.SeqNum}, the sequence-number arithmetic modulo 2^32 that the harness and the
 * targets share. Shared by the harness and by targets that want it; depends only on the SPI (for
 * the clock) and pcap4j.
 */
package dev.chimney.wire;
