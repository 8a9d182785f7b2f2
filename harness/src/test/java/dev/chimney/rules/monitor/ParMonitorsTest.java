package dev.chimney.rules.monitor;

import static dev.chimney.rules.monitor.Script.assertFail;
import static dev.chimney.rules.monitor.Script.assertPass;
import static dev.chimney.rules.monitor.Script.block;
import static dev.chimney.rules.monitor.Script.nbl;
import static dev.chimney.spi.NdisStatus.FAILURE;
import static dev.chimney.spi.NdisStatus.OFFLOAD_PARTIAL_SUCCESS;
import static dev.chimney.spi.NdisStatus.PENDING;
import static dev.chimney.spi.NdisStatus.RESOURCES;
import static dev.chimney.spi.NdisStatus.SUCCESS;
import static dev.chimney.spi.OffloadStateType.NEIGHBOR;
import static dev.chimney.spi.OffloadStateType.PATH;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.rules.ScenarioVerdicts;
import dev.chimney.spi.NdisStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PAR-1 to PAR-7, on the specification's own example tree: Neighbor1 with Path1 (TCP1, TCP2) and
 * Path2 (TCP3); TCP2 lacks resources, Path2 fails for another reason, TCP3 is never tried.
 */
class ParMonitorsTest {
  private static final List<NblView> TCP2_SEND_DATA = List.of(nbl(7, 100));

  /** The example tree with the given statuses, in walk order: Neighbor1, Path1, TCP1, TCP2, Path2, TCP3. */
  private static List<BlockView> tree(NdisStatus n1, NdisStatus p1, NdisStatus t1, NdisStatus t2, NdisStatus p2,
      NdisStatus t3, List<NblView> tcp2Chain) {
    return List.of(block("Neighbor1", null, NEIGHBOR, n1), block("Path1", "Neighbor1", PATH, p1),
        Script.tcp("TCP1", "Path1", t1, null, Script.delegated(1001, 1001, 1001, 5001)),
        Script.tcp("TCP2", "Path1", t2, tcp2Chain, Script.delegated(2001, 2001, 2001, 6001)),
        block("Path2", "Neighbor1", PATH, p2), Script.tcp("TCP3", "Path2", t3, null, null));
  }

  private static Script initiate(List<BlockView> completed) {
    Script s = new Script();
    s.pending(Api.INITIATE_OFFLOAD, null, List.of(), null,
        tree(PENDING, PENDING, PENDING, PENDING, PENDING, PENDING, TCP2_SEND_DATA));
    s.upcall(Api.INITIATE_OFFLOAD_COMPLETE, null, List.of(), completed, null, null, null);
    return s;
  }

  private static Script specExample() {
    return initiate(tree(OFFLOAD_PARTIAL_SUCCESS, OFFLOAD_PARTIAL_SUCCESS, SUCCESS, RESOURCES, FAILURE, FAILURE,
        TCP2_SEND_DATA));
  }

  @Test
  void theSpecificationsExamplePassesEveryPartialOffloadRule() {
    ScenarioVerdicts v = specExample().run();
    for (String rule : List.of("PAR-1", "PAR-2", "PAR-3", "PAR-4", "PAR-5", "PAR-6", "PAR-7")) {
      assertPass(v, rule);
    }
  }

  @Test
  void par1_statusLeftUnwrittenFails() {
    Script s = initiate(tree(OFFLOAD_PARTIAL_SUCCESS, OFFLOAD_PARTIAL_SUCCESS, SUCCESS, RESOURCES, FAILURE, PENDING,
        TCP2_SEND_DATA));
    assertFail(s.run(), "PAR-1", s.lastUpcall());
  }

  @Test
  void par1_initiateFailedFromTheHandlerFails() {
    Script s = new Script();
    Event.Call c = s.call(Api.INITIATE_OFFLOAD, null, List.of(), null,
        tree(PENDING, PENDING, PENDING, PENDING, PENDING, PENDING, null));
    Event refused = s.returned(c, FAILURE);
    assertFail(s.run(), "PAR-1", refused);
  }

  @Test
  void par2_failedObjectsSendDataStatusChangedFails() {
    Script s = initiate(tree(OFFLOAD_PARTIAL_SUCCESS, OFFLOAD_PARTIAL_SUCCESS, SUCCESS, RESOURCES, FAILURE, FAILURE,
        List.of(nbl(7, 100, NdisStatus.REQUEST_ABORTED))));
    assertFail(s.run(), "PAR-2", s.lastUpcall());
  }

  @Test
  void par3_failedObjectsSendDataCompletedFails() {
    Script s = specExample();
    Event completed = s.sendComplete(NdisStatus.REQUEST_ABORTED, 7);
    assertFail(s.run(), "PAR-3", completed);
  }

  @Test
  void par4_walkGoingOnAfterTheRootFailedFails() {
    Script s = initiate(tree(FAILURE, SUCCESS, SUCCESS, FAILURE, FAILURE, FAILURE, TCP2_SEND_DATA));
    assertFail(s.run(), "PAR-4", s.lastUpcall());
  }

  @Test
  void par4_childOffloadedUnderAFailedParentFails() {
    Script s = initiate(tree(OFFLOAD_PARTIAL_SUCCESS, OFFLOAD_PARTIAL_SUCCESS, SUCCESS, RESOURCES, FAILURE, SUCCESS,
        TCP2_SEND_DATA));
    assertFail(s.run(), "PAR-4", s.lastUpcall());
  }

  @Test
  void par5_walkGoingOnAfterANonResourceFailureFails() {
    Script s = initiate(tree(OFFLOAD_PARTIAL_SUCCESS, FAILURE, FAILURE, FAILURE, SUCCESS, SUCCESS, TCP2_SEND_DATA));
    assertFail(s.run(), "PAR-5", s.lastUpcall());
  }

  @Test
  void par6_walkStoppingAtAResourceFailureFails() {
    Script s = initiate(tree(OFFLOAD_PARTIAL_SUCCESS, OFFLOAD_PARTIAL_SUCCESS, RESOURCES, FAILURE, FAILURE, FAILURE,
        TCP2_SEND_DATA));
    assertFail(s.run(), "PAR-6", s.lastUpcall());
  }

  @Test
  void par7_successDespiteADependentNotOffloadedFails() {
    Script s = initiate(tree(OFFLOAD_PARTIAL_SUCCESS, SUCCESS, SUCCESS, RESOURCES, FAILURE, FAILURE, TCP2_SEND_DATA));
    assertFail(s.run(), "PAR-7", s.lastUpcall());
  }
}
