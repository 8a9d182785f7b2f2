package dev.chimney.replay;

/**
 * A difference between the recording and the live run that the comparison does not count, and why.
 *
 * @param what what differs ("ISN", "timestamps", "window"...)
 * @param reason why it may differ, with the figures where there are any
 */
public record AllowedDifference(String what, String reason) {}
