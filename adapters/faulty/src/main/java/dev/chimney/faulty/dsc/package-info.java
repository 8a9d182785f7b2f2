/**
 * Faulty targets for the DSC rules (disconnect): a disconnect completed twice, an abortive close
 * without RST, an RST without abortive close, sends aborted after the disconnect completes, ACKs
 * after the abort, a FIN in the wrong place or held back for the ACK, a receive half closed with
 * the FIN, a graceful close completed before its sends, disconnects failed on healthy connections,
 * and a connection released at the disconnect.
 */
package dev.chimney.faulty.dsc;
