package dev.chimney.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.host.HostConnection;
import dev.chimney.host.NblView;
import dev.chimney.host.OffloadResult;
import dev.chimney.host.OffloadTree;
import dev.chimney.host.Session;
import dev.chimney.spi.NdisStatus;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Making connections and offloading them, one at a time or as a whole state tree. */
public final class OffloadSteps {
  private static final Pattern SEND_DATA = Pattern.compile("with (\\d+) bytes of send data");
  private static final Pattern ADDRESS = Pattern.compile("(\\d+\\.\\d+\\.\\d+\\.\\d+)");

  private final World world;

  public OffloadSteps(World world) {
    this.world = world;
  }

  @Given("a connection offloaded to the target")
  @When("a connection is offloaded to the target")
  public void aConnectionOffloaded() {
    offloadConnections(1);
  }

  @Given("{int} connections offloaded to the target")
  public void connectionsOffloaded(int n) {
    offloadConnections(n);
  }

  @Given("the target may hold {int} offloaded connection(s)")
  public void theTargetMayHold(int n) {
    world.limitConnections(n);
  }

  @Given("the offload tree")
  public void theOffloadTree(DataTable table) {
    Map<String, OffloadTree.PathNode> paths = new HashMap<>();
    Map<String, Inet4Address> pathPeers = new LinkedHashMap<>();
    OffloadTree tree = null;
    for (Map<String, String> row : table.asMaps()) {
      String object = row.get("object");
      String state = row.get("state") == null ? "" : row.get("state");
      if (object.startsWith("Neighbor")) {
        tree = new OffloadTree(OffloadTree.DEFAULT_NEIGHBOR);
      } else if (object.startsWith("Path")) {
        Inet4Address peer = pathPeers.isEmpty() ? World.PEER_1 : World.PEER_2;
        Inet4Address source = Session.TARGET_ADDRESS;
        if (state.startsWith("from ")) {
          source = address(state);
        } else if (state.startsWith("to ")) {
          peer = address(state);
        }
        pathPeers.put(object, peer);
        paths.put(object, requireTree(tree).path(source, peer));
      } else {
        HostConnection conn = world.connect(pathPeers.get(row.get("parent")));
        assertThat(conn.name()).as("TCP objects are named in creation order").isEqualTo(object);
        Matcher m = SEND_DATA.matcher(state);
        byte[][] data = m.find() ? new byte[][] {world.nextHostBytes(conn, Integer.parseInt(m.group(1)))} : new byte[0][];
        paths.get(row.get("parent")).tcp(conn, data);
      }
    }
    world.tree = requireTree(tree);
  }

  @When("the host initiates the offload")
  public void theHostInitiatesTheOffload() {
    world.lastOffload = world.session().host().initiate(world.tree);
  }

  @Then("the block lists have these statuses")
  public void theBlockListsHaveTheseStatuses(DataTable table) {
    Map<String, NdisStatus> expected = new LinkedHashMap<>();
    for (Map<String, String> row : table.asMaps()) {
      expected.put(row.get("object"), NdisStatus.valueOf(row.get("status").substring("NDIS_STATUS_".length())));
    }
    Map<String, NdisStatus> actual = new LinkedHashMap<>();
    expected.keySet().forEach(name -> actual.put(name, world.lastOffload.status(name)));
    assertThat(actual).as("Status of each block list at NdisMInitiateOffloadComplete (event #%d)",
        world.lastOffload.completionEvent()).containsExactlyEntriesOf(expected);
  }

  @Then("the block list of {word} has status {status}")
  public void theBlockListHasStatus(String object, NdisStatus status) {
    assertThat(world.lastOffload.status(object)).as("Status of %s (event #%d)", object,
        world.lastOffload.completionEvent()).isEqualTo(status);
  }

  @Then("the offload completes with {status}")
  public void theOffloadCompletesWith(NdisStatus status) {
    assertThat(world.lastOffload.statuses().values()).as("statuses at event #%d", world.lastOffload.completionEvent())
        .containsOnly(status);
  }

  @Then("the send data it carried is neither completed nor changed")
  public void theSendDataItCarriedIsUntouched() {
    LogQueries log = world.log();
    for (Event.Call call : log.calls(Api.INITIATE_OFFLOAD, null)) {
      Event.Upcall done = log.upcalls(Api.INITIATE_OFFLOAD_COMPLETE, null).stream()
          .filter(u -> u.seq() > call.seq()).findFirst()
          .orElseThrow(() -> new AssertionError("no NdisMInitiateOffloadComplete after event #" + call.seq()));
      for (BlockView before : call.tree()) {
        if (before.chain() == null) {
          continue;
        }
        BlockView after = done.tree().stream().filter(b -> b.name().equals(before.name())).findFirst().orElseThrow();
        assertThat(after.chain()).as("PAR-2: NetBufferListChain of %s at event #%d, as handed over at event #%d",
            before.name(), done.seq(), call.seq()).isEqualTo(before.chain());
        List<Long> ids = before.chain().stream().map(NblView::id).toList();
        assertThat(log.completions(Api.TCP_OFFLOAD_SEND_COMPLETE, ids))
            .as("PAR-3: send completions of the data %s carried into the failed initiate", before.name()).isEmpty();
      }
    }
  }

  private void offloadConnections(int n) {
    List<HostConnection> made = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      made.add(world.connect(World.PEER_1));
    }
    OffloadResult result = world.session().host().offload(made.toArray(HostConnection[]::new));
    world.lastOffload = result;
    for (HostConnection c : made) {
      assertThat(result.status(c)).as("initiate offload of %s (event #%d)", c.name(), result.completionEvent())
          .isEqualTo(NdisStatus.SUCCESS);
    }
  }

  private static OffloadTree requireTree(OffloadTree tree) {
    if (tree == null) {
      throw new IllegalArgumentException("the offload tree's first row must be its neighbor");
    }
    return tree;
  }

  private static Inet4Address address(String text) {
    Matcher m = ADDRESS.matcher(text);
    if (!m.find()) {
      throw new IllegalArgumentException("no IPv4 address in '" + text + "'");
    }
    try {
      return (Inet4Address) InetAddress.getByName(m.group(1));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
