package dev.ariadne.analysis;

/**
 * How one service's entry spans performed across many traces. An entry span is a local root: a
 * span whose parent is in another service, missing, or absent (so a service's SERVER span, or the
 * trace's root).
 *
 * @param service the service's name
 * @param errorCount how many of its entry spans have status ERROR
 * @param latency the entry spans' durations; {@code latency.count()} is how many there were
 */
public record ServiceStats(String service, int errorCount, Percentiles latency) {}
