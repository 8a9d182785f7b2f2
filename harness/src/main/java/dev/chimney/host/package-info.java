/**
 * The host-stack driver: the harness's stand-in for NDIS and the Windows TCP/IP stack. It makes
 * connections with the peer through the target's ordinary send path, offloads them, posts sends
 * and receive buffers, disconnects, forwards and terminates; it implements {@link
 * dev.chimney.spi.OffloadHost} to take the target's completions and indications; and it records
 * every call, return, upcall and packet in one ordered {@link dev.chimney.host.EventLog} on the
 * run's {@link dev.chimney.host.HostClock}, which the rule monitors read.
 */
package dev.chimney.host;
