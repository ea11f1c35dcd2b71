package dev.ariadne.exporter.zipkin;

import java.io.OutputStream;
import java.util.Arrays;

/** A growable in-memory byte sink, reused per thread, that never throws. */
final class ByteOutput extends OutputStream {
  private byte[] buf;
  private int count;

  ByteOutput(int initialCapacity) {
    buf = new byte[initialCapacity];
  }

  @Override
  public void write(int b) {
    ensure(1);
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, count, len);
    count += len;
  }

  private void ensure(int extra) {
    int needed = count + extra;
    if (needed < 0) {
      throw new OutOfMemoryError("encoded body larger than 2 GiB");
    }
    if (needed > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2 < 0 ? Integer.MAX_VALUE - 8 : buf.length * 2));
    }
  }

  byte[] buffer() {
    return buf;
  }

  int size() {
    return count;
  }

  int capacity() {
    return buf.length;
  }

  void reset() {
    count = 0;
  }

  /** Drops the buffer for a new one of {@code capacity} bytes, so one huge batch is not kept. */
  void shrink(int capacity) {
    buf = new byte[capacity];
    count = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, count);
  }
}
