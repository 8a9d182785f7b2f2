package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.TestAbortedException;

/** The line certify prints as each scenario finishes. */
class ProgressListenerTest {
  private final StringWriter out = new StringWriter();
  private final ProgressListener listener = new ProgressListener(new PrintWriter(out));

  @Test
  void aPassedScenarioIsOneLineWithItsRules() {
    listener.executionFinished(scenario("Graceful disconnect", "DSC-3", "slow", "DSC-4"), TestExecutionResult.successful());

    assertThat(out.toString()).as("progress").isEqualTo("PASS  Graceful disconnect  [DSC-3, DSC-4]" + System.lineSeparator());
  }

  @Test
  void aFailedScenarioShowsTheFirstLineOfItsFailure() {
    listener.executionFinished(scenario("Terminate with sends", "TOC-5"),
        TestExecutionResult.failed(new AssertionError("TOC-5 NetBufferListChain: expected 2 NBLs, actual 1 (event 17)\nmore detail")));

    assertThat(out.toString().lines()).as("progress").containsExactly(
        "FAIL  Terminate with sends  [TOC-5]",
        "      TOC-5 NetBufferListChain: expected 2 NBLs, actual 1 (event 17)");
  }

  @Test
  void abortedAndSkippedScenariosAreSkips() {
    listener.executionFinished(scenario("Needs forward", "FWD-1"),
        TestExecutionResult.aborted(new TestAbortedException("target lacks FORWARD")));
    listener.executionSkipped(scenario("Disabled", "FWD-2"), "not selected");

    assertThat(out.toString().lines()).as("progress").containsExactly(
        "SKIP  Needs forward  [FWD-1]", "      target lacks FORWARD",
        "SKIP  Disabled  [FWD-2]", "      not selected");
  }

  @Test
  void featuresAndOtherContainersPrintNothing() {
    listener.executionFinished(TestIdentifier.from(new Descriptor("A feature", TestDescriptor.Type.CONTAINER, Set.of())),
        TestExecutionResult.successful());

    assertThat(out.toString()).as("progress for a container").isEmpty();
  }

  private static TestIdentifier scenario(String name, String... tags) {
    Set<TestTag> testTags = new LinkedHashSet<>();
    for (String tag : tags) {
      testTags.add(TestTag.create(tag));
    }
    return TestIdentifier.from(new Descriptor(name, TestDescriptor.Type.TEST, testTags));
  }

  /** A scenario or container as the Cucumber engine describes it: a name, a type and tags without '@'. */
  private static final class Descriptor extends AbstractTestDescriptor {
    private final Type type;
    private final Set<TestTag> tags;

    Descriptor(String name, Type type, Set<TestTag> tags) {
      super(UniqueId.root("scenario", name), name);
      this.type = type;
      this.tags = tags;
    }

    @Override
    public Type getType() {
      return type;
    }

    @Override
    public Set<TestTag> getTags() {
      return tags;
    }
  }
}
