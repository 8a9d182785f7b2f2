package dev.chimney.report;

import dev.chimney.rules.ScenarioResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The evidence a finished scenario shows on its page of the Allure report: the capture, the event
 * log and the monitor verdicts, handed to Cucumber as attachments of the scenario.
 *
 * <p>Why through Cucumber and not Allure's own API: allure-cucumber7-jvm runs each {@code After}
 * hook as a tear-down fixture, and while a fixture runs Allure's thread context holds the fixture,
 * not the test case, so {@code Allure.label} and {@code updateTestCase} from a hook miss the test
 * case (Allure logs "Could not update test case: test case with uuid ... not found"). The plugin
 * files a Cucumber attachment under whatever is running, here the hook's fixture, which the report
 * shows under the scenario's "Tear down". A run without the plugin drops them silently, as it
 * should. The rule labels, which only the test case can carry, come from {@link RuleLabels}.
 */
public final class AllureAttachments {
  /** The capture's MIME type: what Wireshark registers for pcap and pcapng files. */
  public static final String CAPTURE_TYPE = "application/vnd.tcpdump.pcap";
  static final String TEXT_TYPE = "text/plain";
  static final String CAPTURE_NAME = "capture";
  static final String EVENT_LOG_NAME = "event log";
  static final String VERDICTS_NAME = "monitor verdicts";

  /**
   * Where attachments go: {@code io.cucumber.java.Scenario::attach} in a run. An interface of its
   * own keeps the report package free of the Cucumber glue, and lets tests collect attachments.
   */
  @FunctionalInterface
  public interface Attacher {
    void attach(byte[] data, String mediaType, String name);
  }

  private AllureAttachments() {}

  /**
   * Attaches {@code result}'s evidence: the capture and the event log when they were written, then
   * the monitor verdicts. Called from the Cucumber {@code After} hook with the scenario's
   * {@code attach}, on the scenario's thread.
   *
   * <p>A capture or event log that is null is left out; one that is named but missing is replaced
   * by a text attachment saying so, so a reader never wonders where it went. The file name is in
   * the attachment's name: Cucumber attachments carry no file name, and the report lists several
   * scenarios' captures side by side.
   *
   * @param result the scenario's outcome, not null
   * @param attacher where the attachments go, not null
   * @throws UncheckedIOException when an existing capture or event log cannot be read
   */
  public static void attach(ScenarioResult result, Attacher attacher) {
    attachFile(attacher, CAPTURE_NAME, CAPTURE_TYPE, result.capture());
    attachFile(attacher, EVENT_LOG_NAME, TEXT_TYPE, result.eventLog());
    attachText(attacher, VERDICTS_NAME, MonitorVerdictTable.render(result));
  }

  private static void attachFile(Attacher attacher, String name, String type, Path file) {
    if (file == null) {
      return;
    }
    if (!Files.isRegularFile(file)) {
      attachText(attacher, name + " (missing)", name + " was named but not written: " + file);
      return;
    }
    try {
      attacher.attach(Files.readAllBytes(file), type, name + " " + file.getFileName());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot attach " + name + " " + file, e);
    }
  }

  private static void attachText(Attacher attacher, String name, String text) {
    attacher.attach(text.getBytes(StandardCharsets.UTF_8), TEXT_TYPE, name);
  }
}
