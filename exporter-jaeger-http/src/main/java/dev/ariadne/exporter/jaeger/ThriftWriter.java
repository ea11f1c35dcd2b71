package dev.ariadne.exporter.jaeger;

import java.util.Arrays;

/**
 * A writer of the Thrift binary protocol (big-endian, no message envelope) into a growable byte
 * array that each thread reuses, so that encoding allocates only the final body.
 *
 * <p>List sizes are written as a placeholder and filled in once the elements are written
 * ({@link #beginList} / {@link #endList}), so the encoder never has to count twice. Strings are
 * encoded to UTF-8 straight into the buffer with their length filled in the same way.
 */
final class ThriftWriter {
  static final byte STOP = 0;
  static final byte BOOL = 2;
  static final byte DOUBLE = 4;
  static final byte I32 = 8;
  static final byte I64 = 10;
  static final byte STRING = 11;
  static final byte STRUCT = 12;
  static final byte LIST = 15;

  static final int INITIAL_CAPACITY = 8 * 1024;
  /** A thread keeps at most this much between bodies; one huge batch must not pin its buffer. */
  static final int MAX_RETAINED_CAPACITY = 1024 * 1024;

  // Arrays cannot be larger than this on common JVMs (ArrayList uses the same margin).
  private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

  private static final ThreadLocal<ThriftWriter> PER_THREAD = ThreadLocal.withInitial(ThriftWriter::new);

  private byte[] buffer = new byte[INITIAL_CAPACITY];
  private int position;

  private ThriftWriter() {}

  /** This thread's writer, emptied. */
  static ThriftWriter acquire() {
    ThriftWriter writer = PER_THREAD.get();
    writer.position = 0;
    return writer;
  }

  /** A copy of what was written; the buffer is released if it grew past the retained cap. */
  byte[] finish() {
    byte[] result = Arrays.copyOf(buffer, position);
    position = 0;
    if (buffer.length > MAX_RETAINED_CAPACITY) {
      buffer = new byte[INITIAL_CAPACITY];
    }
    return result;
  }

  /** The capacity this thread currently keeps; for tests of the retention cap. */
  static int retainedCapacity() {
    return PER_THREAD.get().buffer.length;
  }

  void fieldHeader(byte type, int id) {
    ensure(3);
    buffer[position] = type;
    buffer[position + 1] = (byte) (id >>> 8);
    buffer[position + 2] = (byte) id;
    position += 3;
  }

  /** Ends the current struct. */
  void stop() {
    ensure(1);
    buffer[position++] = STOP;
  }

  /** Starts a list of {@code elementType}; returns the mark to give {@link #endList}. */
  int beginList(byte elementType) {
    ensure(5);
    buffer[position++] = elementType;
    int mark = position;
    position += 4;
    return mark;
  }

  /** Fills in the size of the list started at {@code mark}. */
  void endList(int mark, int size) {
    putInt(mark, size);
  }

  void writeBool(boolean value) {
    ensure(1);
    buffer[position++] = value ? (byte) 1 : (byte) 0;
  }

  void writeI32(int value) {
    ensure(4);
    putInt(position, value);
    position += 4;
  }

  void writeI64(long value) {
    ensure(8);
    putInt(position, (int) (value >>> 32));
    putInt(position + 4, (int) value);
    position += 8;
  }

  void writeDouble(double value) {
    // doubleToRawLongBits keeps a NaN's payload; Thrift sends the bits as they are.
    writeI64(Double.doubleToRawLongBits(value));
  }

  /**
   * Writes {@code value} as a length-prefixed UTF-8 string; null is written as the empty string.
   * An unpaired surrogate becomes {@code '?'}, as {@link String#getBytes} does.
   */
  void writeString(String value) {
    String s = value == null ? "" : value;
    int length = s.length();
    // Worst case 3 bytes per char (a surrogate pair is 4 bytes for 2 chars).
    ensure(4 + 3L * length);
    int start = position + 4;
    int p = start;
    byte[] b = buffer;
    int i = 0;
    while (i < length && s.charAt(i) < 0x80) {
      b[p++] = (byte) s.charAt(i++);
    }
    for (; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          b[p++] = (byte) (0xF0 | (cp >> 18));
          b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          b[p++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          b[p++] = '?';
        }
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    putInt(position, p - start);
    position = p;
  }

  private void putInt(int at, int value) {
    buffer[at] = (byte) (value >>> 24);
    buffer[at + 1] = (byte) (value >>> 16);
    buffer[at + 2] = (byte) (value >>> 8);
    buffer[at + 3] = (byte) value;
  }

  private void ensure(long needed) {
    long required = position + needed;
    if (required <= buffer.length) {
      return;
    }
    if (required > MAX_ARRAY_SIZE) {
      throw new OutOfMemoryError("Thrift body larger than " + MAX_ARRAY_SIZE + " bytes");
    }
    long doubled = Math.min((long) buffer.length * 2, MAX_ARRAY_SIZE);
    buffer = Arrays.copyOf(buffer, (int) Math.max(doubled, required));
  }
}
