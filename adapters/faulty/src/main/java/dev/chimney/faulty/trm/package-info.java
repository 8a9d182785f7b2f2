/**
 * Faulty targets for the TRM rules (terminations the target requests): a retrieve without a
 * reason, naming a forged handle or a path, a refused terminate, UPLOAD_ALL never indicated,
 * OFFLOAD_RESUME too early, and a failover that alters the stream.
 */
package dev.chimney.faulty.trm;
