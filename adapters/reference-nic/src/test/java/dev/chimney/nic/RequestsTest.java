package dev.chimney.nic;

import static dev.chimney.nic.NicFixture.IRS;
import static dev.chimney.nic.NicFixture.ISS;
import static dev.chimney.nic.NicFixture.ONE_MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBuffer;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Forwarded segments, and the target's own requests: TcpIndicateRetrieve, UPLOAD_ALL, OFFLOAD_RESUME. */
class RequestsTest {
  private final NicFixture fx = new NicFixture();

  @Test
  @Tag("FWD-1")
  @Tag("FWD-2")
  @Tag("FWD-3")
  void forwardedSegmentsAreProcessedAsFromTheWireAndCompletedOnce() {
    Object context = fx.offloadEstablished().miniportOffloadContext();
    NetBufferList first = new NetBufferList(71, NetBuffer.ofData(fx.peerTcpBytes(IRS, ISS, NicFixture.bytes(30, 0))));
    NetBufferList second = new NetBufferList(72, NetBuffer.ofData(fx.peerTcpBytes(IRS + 30, ISS, NicFixture.bytes(30, 30))));
    first.setNext(second);

    assertThat(fx.nic.tcpOffloadForward(context, first)).as("FWD-1").isEqualTo(NdisStatus.PENDING);
    fx.clock.advance(TcpTimers.DELAYED_ACK_NANOS * 4);

    assertThat(fx.host.calls("tcpOffloadForwardComplete")).as("FWD-2: each list completed exactly once;%s", fx.callLog())
        .flatExtracting(RecordingHost.Call::listIds).containsExactly(71L, 72L);
    assertThat(fx.host.calls("tcpOffloadForwardComplete")).flatExtracting(RecordingHost.Call::statuses)
        .containsOnly(NdisStatus.SUCCESS);
    assertThat(fx.host.deliveredBytes()).as("FWD-3: the data reaches the host;%s", fx.callLog())
        .isEqualTo(NicFixture.bytes(60, 0));
    assertThat(fx.wire.sent()).as("FWD-3: and is acknowledged on the wire;%s", fx.wireLog())
        .singleElement().satisfies(ack -> assertThat(ack.ack()).isEqualTo(IRS + 60));
  }

  @Test
  @Tag("TRM-1")
  @Tag("TRM-2")
  void requestRetrieveIndicatesOneConnection() {
    OffloadBlockList tcp = fx.offloadEstablished();

    fx.nic.requestRetrieve(tcp.miniportOffloadContext());
    fx.clock.advance(ONE_MS);

    assertThat(fx.host.calls("tcpOffloadEvent")).as("TRM-1: TcpIndicateRetrieve with a reason;%s", fx.callLog())
        .singleElement().satisfies(c -> {
          assertThat(c.subject()).as("TRM-2, TRM-3: names TCP1").isSameAs(tcp.ndisOffloadHandle());
          assertThat(c.detail()).isEqualTo("INDICATE_RETRIEVE UPLOAD_REQUESTED");
        });
  }

  @Test
  @Tag("TRM-6")
  @Tag("TRM-7")
  void uploadAllThenResumeOnceEveryConnectionIsTerminated() {
    OffloadBlockList tcp = fx.offloadEstablished();

    fx.nic.requestUploadAll();
    fx.clock.advance(ONE_MS);
    assertThat(statuses()).as("TRM-6: UPLOAD_ALL, no resume while TCP1 is offloaded;%s", fx.callLog())
        .containsExactly(NdisStatus.UPLOAD_ALL);

    fx.nic.terminateOffload(tcp);
    fx.clock.advance(TcpTimers.UPLOAD_LATENCY_NANOS + ONE_MS);

    assertThat(statuses()).as("TRM-7: OFFLOAD_RESUME after the termination;%s", fx.callLog())
        .containsExactly(NdisStatus.UPLOAD_ALL, NdisStatus.OFFLOAD_RESUME);
    int terminated = fx.host.calls("terminateOffloadComplete").get(0).number();
    assertThat(fx.host.calls("indicateStatus").get(1).number()).as("TRM-7: after the terminate completed;%s", fx.callLog())
        .isGreaterThan(terminated);
  }

  private List<Object> statuses() {
    return fx.host.calls("indicateStatus").stream().map(RecordingHost.Call::subject).toList();
  }
}
