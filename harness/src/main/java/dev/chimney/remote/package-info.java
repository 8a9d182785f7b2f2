/**
 * Targets in another process or language, from the harness's side: {@code --target
 * process:COMMAND} starts the target as a child process and speaks the target protocol on its
 * standard input and output; {@code --target tcp:HOST:PORT} connects to a target already running.
 * {@link dev.chimney.remote.RemoteTargets} resolves such names; a {@link
 * dev.chimney.remote.RemoteTargetProvider} holds the connection and restarts it when it broke; each
 * scenario's {@link dev.chimney.remote.RemoteTarget} is an ordinary {@link
 * dev.chimney.spi.OffloadTarget} to the host stack, so every monitor judges a remote target exactly
 * as it judges one in the JVM. A remote target is not trusted: frames are bounded, messages per
 * scenario are bounded, every call waits at most a named timeout, and whatever goes wrong (the
 * process exits, writes garbage, floods, hangs) fails that scenario with the reason and leaves the
 * run to go on with a fresh connection. Remote targets run on real time.
 */
package dev.chimney.remote;
