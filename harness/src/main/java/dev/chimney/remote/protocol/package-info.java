/**
 * The target protocol, both ends' shared part: how a frame is cut from a byte stream ({@link
 * dev.chimney.remote.protocol.FrameReader}, {@link dev.chimney.remote.protocol.FrameWriter}), the
 * operations and message types ({@link dev.chimney.remote.protocol.Op}), how the SPI's structures
 * (NET_BUFFER_LISTs, block-list trees, delegated state, statuses) are written in a frame ({@link
 * dev.chimney.remote.protocol.SpiJson}), and the limits every reader enforces ({@link
 * dev.chimney.remote.protocol.ProtocolLimits}). The protocol itself is specified for target
 * writers in {@code docs/target-protocol.md}; this package follows it and holds no policy of
 * either side.
 */
package dev.chimney.remote.protocol;
