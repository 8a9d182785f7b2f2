/**
 * Report writers: the certification summary as JSON and Markdown, and the Allure HTML report,
 * generated in-process as one file that opens from disk. All read the same {@link
 * dev.chimney.rules.Certification}; {@link dev.chimney.report.Reports#writeAll} writes them all
 * once a run is over, and {@link dev.chimney.report.AllureAttachments#attach} adds each scenario's
 * capture, event log and monitor verdicts to its Allure result while the scenario is still open.
 */
package dev.chimney.report;
