/**
 * Report writers: the certification summary as JSON and Markdown, and the Allure HTML report,
 * generated in-process as one file that opens from disk. All read the same {@link
 * dev.chimney.rules.Certification}; {@link dev.chimney.report.Reports#writeAll} writes them all
 * once a run is over. While a scenario is still open, {@link dev.chimney.report.AllureAttachments}
 * hands its capture, event log and monitor verdicts to Cucumber as attachments, which the Allure
 * Cucumber plugin files under the scenario; {@link dev.chimney.report.RuleLabels} labels each
 * Allure result with its rule IDs as Allure writes it.
 */
package dev.chimney.report;
