/**
 * Faulty targets for the SND rules (send completion): completions out of delivery order, SUCCESS
 * before the peer acknowledged, and data sent after its chain failed.
 */
package dev.chimney.faulty.snd;
