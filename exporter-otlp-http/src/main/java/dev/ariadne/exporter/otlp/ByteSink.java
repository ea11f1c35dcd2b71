package dev.ariadne.exporter.otlp;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * An unsynchronized, reusable in-memory output stream: the per-thread buffer a JSON body is
 * written into before the one final copy is taken.
 */
final class ByteSink extends OutputStream {
  private static final int INITIAL_CAPACITY = 8 * 1024;
  // A thread keeps at most this much between bodies, so one huge batch does not pin memory forever.
  private static final int MAX_RETAINED_CAPACITY = 1024 * 1024;

  private byte[] bytes = new byte[INITIAL_CAPACITY];
  private int size;

  @Override
  public void write(int b) {
    ensureCapacity(size + 1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    ensureCapacity(size + length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  /** The bytes written since the last {@link #reset()}, as a new array. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** Forgets the content, and gives back an oversized array. */
  void reset() {
    size = 0;
    if (bytes.length > MAX_RETAINED_CAPACITY) {
      bytes = new byte[INITIAL_CAPACITY];
    }
  }

  private void ensureCapacity(int needed) {
    if (needed < 0) {
      throw new OutOfMemoryError("JSON body larger than 2 GiB");
    }
    if (needed > bytes.length) {
      int grown = bytes.length << 1;
      if (grown < 0) {
        grown = Integer.MAX_VALUE - 8;
      }
      bytes = Arrays.copyOf(bytes, Math.max(grown, needed));
    }
  }
}
