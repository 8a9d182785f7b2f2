/**
 * The target's end of the target protocol, for targets that live in a JVM: {@link
 * dev.chimney.remote.serve.TargetServer} runs any {@link dev.chimney.spi.OffloadTargetProvider}
 * behind the protocol, on standard input and output (a child process of the harness, as {@code
 * --target process:reference-nic} starts it) or on a loopback socket ({@code chimney serve-target
 * --port}). It is the proof that the protocol carries everything the SPI does, and the reference
 * implementation of the target side for anyone porting it. One target thread runs every handler
 * and every task of the target's clock, as the SPI promises; the clock runs on real time.
 */
package dev.chimney.remote.serve;
