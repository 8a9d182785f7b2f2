/**
 * The {@code chimney} command line: {@code certify} runs the Cucumber scenarios against one target
 * through the JUnit Platform launcher and turns the results into a certification and its reports;
 * {@code list-targets} shows the targets found on the class path and the adapter path; {@code rules}
 * prints the rule catalogue with the scenarios that exercise each rule. Every user error is one
 * line on standard error starting with {@code chimney: } and exit code {@value
 * dev.chimney.cli.ExitCodes#USER_ERROR}; nothing here is called by the rest of the harness.
 */
package dev.chimney.cli;
