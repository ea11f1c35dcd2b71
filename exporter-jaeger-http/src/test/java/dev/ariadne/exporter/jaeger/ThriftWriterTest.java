package dev.ariadne.exporter.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThriftWriterTest {

  @Test
  void primitives_areWrittenBigEndian_withThriftTypeCodes() {
    ThriftWriter w = ThriftWriter.acquire();
    w.fieldHeader(ThriftWriter.I64, 0x0102);
    w.writeI64(0x0102030405060708L);
    w.fieldHeader(ThriftWriter.I32, 7);
    w.writeI32(-2);
    w.writeDouble(1.0);
    w.writeBool(true);
    int mark = w.beginList(ThriftWriter.STRING);
    w.writeString("é");
    w.endList(mark, 1);
    w.stop();
    assertThat(w.finish()).containsExactly(
        10, 1, 2, 1, 2, 3, 4, 5, 6, 7, 8,
        8, 0, 7, -1, -1, -1, -2,
        0x3F, (byte) 0xF0, 0, 0, 0, 0, 0, 0,
        1,
        11, 0, 0, 0, 1, 0, 0, 0, 2, (byte) 0xC3, (byte) 0xA9,
        0);
  }

  @Test
  void strings_areTheSameBytesAsTheJdksUtf8Encoder_forRandomText() {
    Random random = new Random(42);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        switch (random.nextInt(5)) {
          case 0:
            text.append((char) random.nextInt(0x80));
            break;
          case 1:
            text.append((char) (0x80 + random.nextInt(0x780)));
            break;
          case 2:
            text.append((char) random.nextInt(0x10000)); // may be a lone surrogate
            break;
          case 3:
            text.appendCodePoint(0x10000 + random.nextInt(0x100000));
            break;
          default:
            text.append(random.nextBoolean() ? '\uD83D' : '\uDE00');
        }
      }
      String s = text.toString();
      ThriftWriter w = ThriftWriter.acquire();
      w.writeString(s);
      byte[] written = w.finish();
      byte[] jdk = s.getBytes(StandardCharsets.UTF_8);
      assertThat(written).hasSize(4 + jdk.length);
      assertThat(readInt(written, 0)).isEqualTo(jdk.length);
      assertThat(java.util.Arrays.copyOfRange(written, 4, written.length)).as("utf-8 of %s", s).isEqualTo(jdk);
    }
  }

  @Test
  void nullString_isWrittenAsEmpty() {
    ThriftWriter w = ThriftWriter.acquire();
    w.writeString(null);
    assertThat(w.finish()).containsExactly(0, 0, 0, 0);
  }

  @Test
  void bufferGrownPastTheCap_isReleasedAfterTheBody_andASmallOneIsKept() {
    ThriftWriter w = ThriftWriter.acquire();
    w.writeString("x".repeat(ThriftWriter.MAX_RETAINED_CAPACITY));
    assertThat(w.finish()).hasSize(ThriftWriter.MAX_RETAINED_CAPACITY + 4);
    assertThat(ThriftWriter.retainedCapacity()).isEqualTo(ThriftWriter.INITIAL_CAPACITY);

    w = ThriftWriter.acquire();
    w.writeString("x".repeat(100_000));
    w.finish();
    assertThat(ThriftWriter.retainedCapacity()).isGreaterThan(100_000).isLessThanOrEqualTo(ThriftWriter.MAX_RETAINED_CAPACITY);
  }

  @Test
  void finish_returnsAFreshArray_thatLaterBodiesDoNotChange() {
    ThriftWriter w = ThriftWriter.acquire();
    w.writeI32(1);
    byte[] first = w.finish();
    w = ThriftWriter.acquire();
    w.writeI32(2);
    byte[] second = w.finish();
    assertThat(first).containsExactly(0, 0, 0, 1);
    assertThat(second).containsExactly(0, 0, 0, 2);
  }

  private static int readInt(byte[] b, int at) {
    return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
  }
}
