/**
 * The host-stack driver: the harness's stand-in for NDIS and the Windows TCP/IP stack. A {@link
 * dev.chimney.host.Session} builds one scenario's world (virtual clock, event log, simulated link,
 * scripted peer, target); its {@link dev.chimney.host.HostStack} makes connections with the peer
 * through the target's ordinary send path, offloads them, posts sends and receive buffers,
 * disconnects, forwards and terminates, and carries on or re-offloads uploaded connections; it
 * implements {@link dev.chimney.spi.OffloadHost} to take the target's completions and indications;
 * and it records every call, return, upcall and packet in one ordered {@link
 * dev.chimney.host.EventLog} on the run's {@link dev.chimney.host.HostClock}, which the rule
 * monitors read. The host's own obligations (DSC-6, DSC-12, FWD-4, FWD-5, TRM-1, TRM-4, TRM-6,
 * TRM-7) are kept by construction: step code cannot make the host break them.
 */
package dev.chimney.host;
