/**
 * Faulty targets for the FWD rules (forwarded segments): a forward answered SUCCESS at once,
 * lists completed twice or not at all, segments completed without being processed.
 */
package dev.chimney.faulty.fwd;
