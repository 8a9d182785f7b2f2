package dev.chimney.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.chimney.rules.Certification;
import dev.chimney.rules.RuleResult;
import dev.chimney.rules.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Adds the run's metadata to an Allure results folder before the page is generated: {@code
 * categories.json}, one category per catalogue rule, so the Categories tab is a rule-centric view
 * of the failures; and {@code environment.properties}, shown as the Environment widget.
 */
final class AllureRunMetadata {
  static final String CATEGORIES_FILE = "categories.json";
  static final String ENVIRONMENT_FILE = "environment.properties";
  /** Allure statuses a rule violation can end in: an assertion (failed) or another exception (broken). */
  static final List<String> MATCHED_STATUSES = List.of("failed", "broken");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private AllureRunMetadata() {}

  static void write(Certification certification, Path allureResults) throws IOException {
    MAPPER.writeValue(allureResults.resolve(CATEGORIES_FILE).toFile(), categories(certification));
    Files.writeString(allureResults.resolve(ENVIRONMENT_FILE), environment(certification), StandardCharsets.UTF_8);
  }

  static List<Category> categories(Certification certification) {
    return certification.rules().stream().map(RuleResult::rule)
        .map(rule -> new Category(rule.id() + " (" + rule.area() + ")", rule.text(),
            messageRegex(rule.id()), MATCHED_STATUSES))
        .toList();
  }

  /**
   * Matches a failure message with a line starting "DSC-3:", the form of {@code Evidence.message()};
   * the colon keeps DSC-3 from matching DSC-30. Allure matches the whole message, hence the
   * leading lines and DOTALL.
   */
  static String messageRegex(String ruleId) {
    return "(?s)(?:.*\\n)?" + Pattern.quote(ruleId + ":") + ".*";
  }

  static String environment(Certification certification) {
    String verdicts = Arrays.stream(Verdict.values())
        .map(v -> v + " " + certification.rules().stream().filter(r -> r.verdict() == v).count())
        .collect(Collectors.joining(", "));
    return property("target", certification.target())
        + property("certification", certification.certified()
            ? CertificationMarkdown.CERTIFIED : CertificationMarkdown.NOT_CERTIFIED)
        + property("rules", verdicts)
        + property("scenarios", CertificationMarkdown.scenarioCounts(certification));
  }

  /** One line of a properties file; the value escaped as {@link java.util.Properties#load} reads it. */
  private static String property(String key, String value) {
    String escaped = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    return key + "=" + escaped + "\n";
  }

  /** One entry of {@code categories.json}, in Allure's field names. */
  record Category(String name, String description, String messageRegex, List<String> matchedStatuses) {}
}
