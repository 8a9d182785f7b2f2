package dev.chimney.host;

import static dev.chimney.host.StubWorld.LOCAL_1;
import static dev.chimney.host.StubWorld.PEER_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.peer.AckPolicy;
import dev.chimney.peer.PeerConnection;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadTargetProvider;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The host stack driving the bundled reference NIC (found through ServiceLoader, as any target is):
 * the driver's operations work against a real TCP engine, not only the stub.
 */
class ReferenceNicDriveTest {
  private static final int CHUNK = 1000;

  @Test
  void offloadSendReceiveTerminateAndCarryOn() {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (Session session = Session.open(referenceNic(), Map.of(), Timeouts.DEFAULTS)) {
      HostStack host = session.host();
      PeerConnection peer = session.peer().listen(PEER_1);
      HostConnection c = host.connect(LOCAL_1, PEER_1);
      assertThat(host.offload(c).status(c)).isEqualTo(NdisStatus.SUCCESS);

      host.postReceive(c, 100);
      peer.send(HostStackTest.bytes("ping"));
      host.awaitReceived(c, 4);

      peer.setAckPolicy(AckPolicy.upTo(CHUNK));
      host.send(c, chunk('a', expected), chunk('b', expected));
      host.awaitSendCompletions(c, 1);
      TerminateResult result = host.terminate(c);
      peer.setAckPolicy(AckPolicy.ALL);
      host.carryOn(c);
      host.sendOrdinary(c, chunk('c', expected));
      host.awaitAllAcknowledged(c);

      assertThat(result.upload(c).returnedChain()).as("TOC-5: the unacknowledged send comes back").hasSize(1);
      assertThat(c.received()).isEqualTo(HostStackTest.bytes("ping"));
      assertThat(peer.received()).as("no byte lost or repeated; anomalies %s", host.anomalies())
          .isEqualTo(expected.toByteArray());
      assertThat(host.anomalies()).isEmpty();
      assertThat(session.peer().violations()).isEmpty();
    }
  }

  private static OffloadTargetProvider referenceNic() {
    return ServiceLoader.load(OffloadTargetProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals(RunSettings.DEFAULT_TARGET)).findFirst()
        .orElseThrow(() -> new AssertionError("the reference NIC is not on the test class path"));
  }

  private static byte[] chunk(char fill, ByteArrayOutputStream expected) {
    byte[] b = new byte[CHUNK];
    Arrays.fill(b, (byte) fill);
    expected.write(b, 0, b.length);
    return b;
  }
}
