/**
 * The bundled reference offload target ({@code --target reference-nic}): a TCP engine behind the
 * chimney SPI that obeys every target rule of the catalogue, so the harness can prove its own
 * monitors pass on a correct target. {@link dev.chimney.nic.ReferenceNic} dispatches the host's
 * calls and the wire's packets; each offloaded connection is a {@code Connection} with a send half
 * (segmentation, window, retransmission, FIN), a receive half (in-order data, delayed ACK, the
 * delivery algorithm) and the host requests' bookkeeping; {@code OffloadTreeWalker} gives the
 * initiate's statuses. All deferred work runs on the target clock: no threads, no wall clock.
 */
package dev.chimney.nic;
