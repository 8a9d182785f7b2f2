package dev.chimney.report;

import dev.chimney.rules.ScenarioResult;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Adds a finished scenario's evidence to its Allure test result: the capture, the event log, the
 * monitor verdicts, and one {@value #RULE_LABEL} label per rule ID it is tagged with.
 */
public final class AllureAttachments {
  /** The label carrying a rule ID, one per rule the scenario exercises. */
  public static final String RULE_LABEL = "rule";
  /** The capture's MIME type: what Wireshark registers for pcap and pcapng files. */
  public static final String CAPTURE_TYPE = "application/vnd.tcpdump.pcap";
  static final String CAPTURE_EXTENSION = ".pcapng";
  static final String TEXT_TYPE = "text/plain";
  static final String TEXT_EXTENSION = ".txt";
  static final String CAPTURE_NAME = "capture";
  static final String EVENT_LOG_NAME = "event log";
  static final String VERDICTS_NAME = "monitor verdicts";

  private AllureAttachments() {}

  /**
   * Attaches {@code result}'s evidence to the Allure test case running on this thread. Called from
   * the Cucumber {@code After} hook, on the scenario's thread, while the Allure Cucumber plugin
   * still has the test case open; outside a test case Allure logs the call and drops it.
   *
   * <p>A capture or event log that is null is left out; one that is named but missing is replaced
   * by a text attachment saying so, so a reader never wonders where it went.
   *
   * @param result the scenario's outcome, not null
   * @throws UncheckedIOException when an existing capture or event log cannot be read
   */
  public static void attach(ScenarioResult result) {
    attach(result, Allure.getLifecycle());
  }

  /** {@link #attach(ScenarioResult)} on a given lifecycle; tests pass their own. */
  static void attach(ScenarioResult result, AllureLifecycle lifecycle) {
    result.rules().forEach(id -> lifecycle.updateTestCase(
        test -> test.getLabels().add(new Label().setName(RULE_LABEL).setValue(id))));
    attachFile(lifecycle, CAPTURE_NAME, CAPTURE_TYPE, CAPTURE_EXTENSION, result.capture());
    attachFile(lifecycle, EVENT_LOG_NAME, TEXT_TYPE, TEXT_EXTENSION, result.eventLog());
    attachText(lifecycle, VERDICTS_NAME, MonitorVerdictTable.render(result));
  }

  private static void attachFile(AllureLifecycle lifecycle, String name, String type, String extension,
      Path file) {
    if (file == null) {
      return;
    }
    if (!Files.isRegularFile(file)) {
      attachText(lifecycle, name + " (missing)", name + " was named but not written: " + file);
      return;
    }
    try (InputStream content = Files.newInputStream(file)) {
      lifecycle.addAttachment(name + " " + file.getFileName(), type, extension, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot attach " + name + " " + file, e);
    }
  }

  private static void attachText(AllureLifecycle lifecycle, String name, String text) {
    lifecycle.addAttachment(name, TEXT_TYPE, TEXT_EXTENSION, text.getBytes(StandardCharsets.UTF_8));
  }
}
