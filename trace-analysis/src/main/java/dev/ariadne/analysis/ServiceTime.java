package dev.ariadne.analysis;

/**
 * Time a service accounts for in one trace, and its share of a whole.
 *
 * @param service the service's name ({@code service.name} of its spans' resource)
 * @param nanos the time, in nanoseconds
 * @param share {@code nanos} divided by the whole it is a part of (0 when the whole is 0)
 */
public record ServiceTime(String service, long nanos, double share) {

  /** The share as a percentage, for reports. */
  public double percent() {
    return share * 100.0;
  }
}
