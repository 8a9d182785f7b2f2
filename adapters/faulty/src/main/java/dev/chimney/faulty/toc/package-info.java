/**
 * Faulty targets for the TOC rules (completing a terminate): a terminate completed twice or never,
 * statuses left unwritten, a delegated state that disagrees with the wire, FAILURE without a loss,
 * send data handed back out of order or with variables unset, an empty chain, buffered data
 * dropped, segments after the upload, and segments swallowed while it is under way.
 */
package dev.chimney.faulty.toc;
