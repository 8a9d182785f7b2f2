/**
 * Faulty targets for the PAR rules (partial offloads and offload failures): a failure returned
 * from the handler, refused send data touched or completed, a child offloaded under a parent that
 * was not, a walk that goes on after a failure or stops at a lack of resources, and
 * PARTIAL_SUCCESS on the wrong object. They rewrite the statuses the NIC wrote, at the completion.
 */
package dev.chimney.faulty.par;
