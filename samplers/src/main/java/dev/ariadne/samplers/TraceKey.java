package dev.ariadne.samplers;

/** A 128-bit trace id as a map key. */
final class TraceKey {
  final long high;
  final long low;

  TraceKey(long high, long low) {
    this.high = high;
    this.low = low;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceKey && ((TraceKey) o).low == low && ((TraceKey) o).high == high;
  }

  @Override
  public int hashCode() {
    // the low 56 bits are random (W3C Level 2), so they alone spread well
    return Long.hashCode(low);
  }

  @Override
  public String toString() {
    return String.format("%016x%016x", high, low);
  }
}
