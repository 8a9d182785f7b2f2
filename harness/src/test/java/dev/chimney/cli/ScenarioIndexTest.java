package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the scenarios that exercise a rule, from feature files in folders and in jars. */
class ScenarioIndexTest {
  private static final ClassLoader TEST_CLASS_PATH = ScenarioIndexTest.class.getClassLoader();

  @Test
  void findsEveryScenarioWithItsFileAndLine() {
    ScenarioIndex index = ScenarioIndex.fromClassPath(TEST_CLASS_PATH, "cli-features");

    assertThat(index.all()).as("scenarios of cli-features/").extracting(ScenarioIndex.Entry::location)
        .containsExactly(
            "cli-features/disconnect.feature:6",
            "cli-features/disconnect.feature:11",
            "cli-features/disconnect.feature:15",
            "cli-features/sub/forward.feature:5");
  }

  @Test
  void aRuleIsExercisedByScenariosTaggedWithItsIdDirectlyOrThroughExamples() {
    ScenarioIndex index = ScenarioIndex.fromClassPath(TEST_CLASS_PATH, "cli-features");

    assertThat(index.exercising("DSC-3")).as("scenarios tagged @DSC-3").extracting(ScenarioIndex.Entry::name)
        .containsExactly("Graceful disconnect with data outstanding", "Terminate after <n> sends");
    assertThat(index.exercising("DSC-4")).as("scenarios tagged @DSC-4").isEmpty();
  }

  @Test
  void scenariosInheritTheTagsOfTheirFeatureAndRule() {
    ScenarioIndex index = ScenarioIndex.fromClassPath(TEST_CLASS_PATH, "cli-features");

    assertThat(index.exercising("DSC-5")).as("the scenario under 'Rule: abortive disconnects'")
        .singleElement()
        .satisfies(s -> assertThat(s.tags()).as("tags of %s", s.location()).contains("@area-disconnect", "@DSC-5"));
  }

  @Test
  void readsFeatureFilesFromAJar(@TempDir Path dir) throws IOException {
    // With its folder entry, as Maven writes jars: Cucumber, like this index, finds folders only by them.
    Path jar = TestAdapterJars.jarWith(dir.resolve("features.jar"),
        List.of("jar-features/", "jar-features/a.feature", "jar-features/readme.txt"),
        List.of("", "Feature: In a jar\n\n  @TRM-2\n  Scenario: From the jar\n    Given nothing\n", "not a feature"));

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      ScenarioIndex index = ScenarioIndex.fromClassPath(loader, "jar-features");

      assertThat(index.exercising("TRM-2")).as("scenarios of %s", jar).extracting(ScenarioIndex.Entry::location)
          .containsExactly("jar-features/a.feature:4");
    }
  }

  @Test
  void noFeatureFolderMeansNoScenarios() {
    assertThat(ScenarioIndex.fromClassPath(TEST_CLASS_PATH, "no-such-folder").all()).as("scenarios").isEmpty();
  }

  @Test
  void aFeatureThatDoesNotParseIsAnErrorNamingItsFile() {
    assertThatThrownBy(() -> ScenarioIndex.fromClassPath(TEST_CLASS_PATH, "cli-bad-features"))
        .as("parsing cli-bad-features/broken.feature")
        .isInstanceOf(UserError.class)
        .hasMessageContaining("cli-bad-features/broken.feature")
        .hasMessageNotContaining("\n");
  }
}
