package dev.chimney.host;

import static dev.chimney.host.StubWorld.LOCAL_1;
import static dev.chimney.host.StubWorld.PEER_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.peer.AckPolicy;
import dev.chimney.peer.PeerConnection;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadTarget;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host resumes an uploaded connection mid-transfer: no byte lost or repeated at the peer. */
class CarryOnTest {
  private static final int CHUNK = 1000;
  private final StubWorld world = new StubWorld();
  private final ByteArrayOutputStream stream = new ByteArrayOutputStream();

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void carryOnRetransmitsFromSndUnaAndSendsTheRest() {
    HostConnection c = world.connect(LOCAL_1, PEER_1);
    PeerConnection peer = world.peerOf(c);
    world.host.offload(c);
    interruptedTransfer(c, peer);

    TerminateResult result = world.host.terminate(c);
    TerminateResult.Upload upload = result.upload(c);
    assertThat(upload.status()).isEqualTo(NdisStatus.SUCCESS);
    assertThat(upload.returnedChain()).as("TOC-5: the two unacknowledged sends come back").hasSize(2);
    assertThat(upload.delegated().sndUna()).hasValue(c.iss() + 1 + CHUNK);

    peer.setAckPolicy(AckPolicy.ALL);
    world.host.carryOn(c);
    world.host.sendOrdinary(c, chunk('d'));
    world.host.awaitAllAcknowledged(c);

    assertThat(peer.received()).as("TRM-8/TOC-5: the peer's stream, no byte lost or repeated; log:\n%s",
        world.logText()).isEqualTo(stream.toByteArray());
    assertThat(c.phase()).isEqualTo(ConnectionPhase.HOST);

    peer.send(HostStackTest.bytes("pong"));
    world.host.awaitReceived(c, 4);
    assertThat(c.received()).isEqualTo(HostStackTest.bytes("pong"));
  }

  @Test
  void trm8_reoffloadToAStandbyTargetCarriesOn() {
    HostConnection c = world.connect(LOCAL_1, PEER_1);
    PeerConnection peer = world.peerOf(c);
    world.host.offload(c);
    interruptedTransfer(c, peer);
    world.target.resumeAfterUploadAll = false;
    world.host.requestUploadAll();
    world.host.awaitTerminated(c);

    OffloadTarget standby = world.session.openStandbyTarget();
    world.session.routeWireTo(standby);
    peer.setAckPolicy(AckPolicy.ALL);
    OffloadResult result = world.host.reoffload(c, standby);
    world.host.send(c, chunk('d'));
    world.host.awaitSendCompletions(c, 3);

    assertThat(result.offloaded(c)).as("TRM-8: offloaded to the standby despite UPLOAD_ALL on the first")
        .isTrue();
    assertThat(peer.received()).as("TRM-8: no byte lost or repeated; log:\n%s", world.logText())
        .isEqualTo(stream.toByteArray());
  }

  /** Three sends: the first acknowledged, the second taken but not acknowledged, the third lost. */
  private void interruptedTransfer(HostConnection c, PeerConnection peer) {
    peer.setAckPolicy(AckPolicy.upTo(CHUNK));
    world.host.send(c, chunk('a'), chunk('b'));
    world.host.awaitSendCompletions(c, 1);
    peer.dropNextFromTarget(1);
    world.host.send(c, chunk('c'));
    world.session.clock().runFor(Timeouts.DEFAULTS.quiet().toNanos());
    assertThat(peer.receivedLength()).as("before the upload the peer holds a and b").isEqualTo(2 * CHUNK);
  }

  private byte[] chunk(char fill) {
    byte[] b = new byte[CHUNK];
    Arrays.fill(b, (byte) fill);
    stream.write(b, 0, b.length);
    return b;
  }
}
