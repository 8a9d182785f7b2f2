/**
 * The Linux kernel's TCP stack as a chimney offload target, built on the SPI alone as a third party
 * would build it. Each target instance owns one thread in a fresh, anonymous network namespace
 * holding a TUN device: the harness's link is the kernel's wire. An initiate restores a kernel
 * socket from the delegated state with TCP_REPAIR; sends, receives and disconnects are the socket
 * API; a terminate reads the socket back out in repair mode and closes it there. Every system call
 * goes through JNA ({@link dev.chimney.kernel.LibC}); there is no C helper.
 */
package dev.chimney.kernel;
