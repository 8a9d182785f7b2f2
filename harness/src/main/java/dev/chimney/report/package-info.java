/**
 * Report writers: the certification summary as JSON and Markdown, and the Allure HTML report,
 * generated in-process as one file that opens from disk. All read the same {@link
 * dev.chimney.rules.Certification}.
 */
package dev.chimney.report;
