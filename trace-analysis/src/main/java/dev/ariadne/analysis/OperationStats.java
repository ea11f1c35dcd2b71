package dev.ariadne.analysis;

/**
 * How one operation (a span name within a service) performed across many traces.
 *
 * @param service the service whose spans these are
 * @param operation the span name
 * @param errorCount how many of the spans have status ERROR
 * @param latency the spans' durations; {@code latency.count()} is how many there were
 */
public record OperationStats(String service, String operation, int errorCount, Percentiles latency) {}
