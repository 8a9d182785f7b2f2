/**
 * The scripted peer: the remote TCP endpoint on the far side of the simulated link, driven step by
 * step from scenario code (packetdrill's remote side, scripted from Java). {@link
 * dev.chimney.peer.ScriptedPeer} listens, completes handshakes and hands out {@link
 * dev.chimney.peer.PeerConnection}s, each a small but real TCP sender and receiver whose
 * acknowledgments, losses, duplicates and reordering a scenario controls. Every segment from the
 * target is also checked against what the peer has advertised and acknowledged; anything a correct
 * TCP would never send is kept as a {@link dev.chimney.peer.SanityViolation} for the monitors.
 * Everything runs on the run's virtual clock, on the host thread; the peer never sends an RST it
 * was not told to, so a reset on the wire is always the target's or the scenario's.
 */
package dev.chimney.peer;
