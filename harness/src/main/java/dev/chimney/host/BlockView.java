package dev.chimney.host;

import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.TcpDelegatedState;
import java.util.List;

/**
 * One block list of a state tree as it was when an event was recorded.
 *
 * @param name the host's name for the object ("Neighbor1", "TCP2")
 * @param parent the parent's name, or null for the root
 * @param type neighbor, path or TCP
 * @param status its Status at that moment
 * @param chain the NetBufferListChain's lists, in chain order; null when the chain pointer is NULL
 * @param delegated a copy of the delegated TCP state for TCP objects, else null
 * @param bufferedData the delegated BufferedData lists for TCP objects, empty when none
 */
public record BlockView(
    String name, String parent, OffloadStateType type, NdisStatus status, List<NblView> chain,
    TcpDelegatedState delegated, List<NblView> bufferedData) {}
