package dev.chimney.cli;

import java.io.PrintWriter;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints one line per scenario as it finishes: {@code PASS}, {@code FAIL} or {@code SKIP}, its
 * name and rule tags, and for a failure the first line of the reason. Called by the launcher on
 * the threads that run the scenarios, several at once when a real-time target's scenarios run in
 * parallel: a scenario's lines are printed together.
 */
final class ProgressListener implements TestExecutionListener {
  private final PrintWriter out;

  ProgressListener(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void executionSkipped(TestIdentifier scenario, String reason) {
    if (scenario.isTest()) {
      print("SKIP", scenario, reason);
    }
  }

  @Override
  public void executionFinished(TestIdentifier scenario, TestExecutionResult result) {
    if (!scenario.isTest()) {
      return;
    }
    switch (result.getStatus()) {
      case SUCCESSFUL -> print("PASS", scenario, null);
      case FAILED -> print("FAIL", scenario, firstLine(result));
      case ABORTED -> print("SKIP", scenario, firstLine(result));
    }
  }

  private synchronized void print(String status, TestIdentifier scenario, String reason) {
    List<String> rules = RuleTags.ruleIds(scenario.getTags().stream().map(TestTag::getName).toList());
    out.println(status + "  " + scenario.getDisplayName() + "  " + rules);
    if (reason != null && !reason.isBlank()) {
      out.println("      " + reason);
    }
    out.flush();
  }

  private static String firstLine(TestExecutionResult result) {
    return result.getThrowable()
        .map(t -> t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip().lines().findFirst().orElse(""))
        .orElse(null);
  }
}
