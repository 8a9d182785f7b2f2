/**
 * The offload target's side of the TCP chimney offload interface, and the host's side that a
 * target calls back: the one API a third-party target implements.
 *
 * <p>Names follow the NDIS chimney interface so that a driver writer recognises every call:
 * {@link dev.chimney.spi.OffloadTarget#initiateOffload} is {@code MiniportInitiateOffload},
 * {@link dev.chimney.spi.OffloadHost#terminateOffloadComplete} is
 * {@code NdisMTerminateOffloadComplete}, and so on. A target is found through
 * {@link java.util.ServiceLoader}: its jar declares an {@link dev.chimney.spi.OffloadTargetProvider}
 * in {@code META-INF/services/dev.chimney.spi.OffloadTargetProvider}.
 *
 * <p>Threading: the harness calls every {@link dev.chimney.spi.OffloadTarget} method from one
 * thread at a time (the host thread), never concurrently. A target calls {@link
 * dev.chimney.spi.OffloadHost} and {@link dev.chimney.spi.Link} from any thread. A target that
 * defers work through {@link dev.chimney.spi.TargetClock} runs on the harness's clock, which is a
 * deterministic virtual clock for targets inside the JVM: such a target must never sleep or start
 * threads of its own if it wants reproducible captures.
 *
 * <p>This package depends on nothing but the JDK and holds no harness internals.
 */
package dev.chimney.spi;
