package dev.ariadne.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HexTest {
  private static final long[] EDGES = {
    0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123456789abcdefL, 0xfedcba9876543210L,
    0x00000000ffffffffL, 0xffffffff00000000L, 0x0a0a0a0a0a0a0a0aL, 0x9999999999999999L
  };

  @Test
  void writeLong_matchesTheJdkFormatting() {
    SplittableRandom random = new SplittableRandom(7);
    char[] out = new char[20];
    for (int i = 0; i < 100_000 + EDGES.length; i++) {
      long value = i < EDGES.length ? EDGES[i] : random.nextLong();
      Hex.writeLong(value, out, 2);
      String expected = String.format("%016x", value);
      assertThat(new String(out, 2, 16)).isEqualTo(expected);
    }
  }

  @Test
  void writeLong_touchesOnlyItsSixteenChars() {
    char[] out = new char[20];
    java.util.Arrays.fill(out, '#');
    Hex.writeLong(0x0123456789abcdefL, out, 2);
    assertThat(new String(out)).isEqualTo("##0123456789abcdef##");
  }

  @Test
  void parseLong_readsWhatTheJdkWrites() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 100_000 + EDGES.length; i++) {
      long value = i < EDGES.length ? EDGES[i] : random.nextLong();
      String text = "xy" + String.format("%016x", value) + "z";
      assertThat(Hex.parseLong(text, 2)).isEqualTo(value);
    }
  }

  @Test
  void parseLong_rejectsEveryNonDigitAtEveryPosition() {
    String digits = "0123456789abcdef";
    // the neighbours of both ranges, uppercase, Latin-1 letters, and wide characters whose low byte
    // is a valid digit (a faster parser that narrowed chars to bytes, as String.getBytes(int, int,
    // byte[], int) does, would accept them)
    char[] bad = {'/', ':', '`', 'g', 'A', 'F', 'G', ' ', '-', '\0', 0x7f, 0x80, 0xe0, 0xff,
        '\u0130', '\u0161', '\u3031', '\uff10', '\ud800'};
    for (int position = 0; position < 16; position++) {
      for (char c : bad) {
        char[] chars = digits.toCharArray();
        chars[position] = c;
        String text = new String(chars);
        assertThat(Hex.parseLong(text, 0)).as("%s at %d", (int) c, position).isZero();
        assertThat(Hex.isLowerHex(text, 0, 16)).isFalse();
      }
    }
  }

  @Test
  void parseLong_outOfRangeOffsetsReturnZero() {
    String text = "0123456789abcdef";
    assertThat(Hex.parseLong(text, 0)).isEqualTo(0x0123456789abcdefL);
    assertThat(Hex.parseLong(text, 1)).isZero();
    assertThat(Hex.parseLong(text, -1)).isZero();
    assertThat(Hex.parseLong("", 0)).isZero();
    assertThat(Hex.parseLong(text, Integer.MAX_VALUE)).isZero();
    assertThat(Hex.parseLong(text, Integer.MAX_VALUE, 2)).isZero();
    assertThat(Hex.isLowerHex(text, Integer.MAX_VALUE, 2)).isFalse();
    assertThat(Hex.isLowerHex(text, 2, Integer.MAX_VALUE)).isFalse();
  }
}
