/**
 * The rule catalogue and its judges. Every rule of the specification has a stable ID (TRM, TOC,
 * PAR, DSC, FWD, SND); monitors named after those IDs watch every scenario's event log and wire,
 * and their findings become per-rule {@link dev.chimney.rules.Verdict}s. The same IDs tag the
 * Gherkin scenarios and head the report rows.
 */
package dev.chimney.rules;
