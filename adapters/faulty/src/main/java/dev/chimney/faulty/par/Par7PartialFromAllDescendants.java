package dev.chimney.faulty.par;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.StatusTree;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;

/**
 * {@code faulty:PAR-7}: writes OFFLOAD_PARTIAL_SUCCESS on an object when any object below it, not
 * only a direct dependent, was not offloaded: PARTIAL_SUCCESS on the wrong object.
 */
public final class Par7PartialFromAllDescendants extends Fault {
  public Par7PartialFromAllDescendants() {
    super("PAR-7", null, "writes OFFLOAD_PARTIAL_SUCCESS on an object whose direct dependents were all offloaded, when a deeper one was not");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void initiateOffloadComplete(OffloadBlockList root) {
        for (OffloadBlockList node : root.walk()) {
          boolean deeperFailed = node.walk().stream().skip(1).anyMatch(n -> !StatusTree.offloaded(n));
          if (StatusTree.offloaded(node) && deeperFailed) {
            node.setStatus(NdisStatus.OFFLOAD_PARTIAL_SUCCESS);
          }
        }
        super.initiateOffloadComplete(root);
      }
    };
  }
}
