package dev.ariadne.testing;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Makes random and mutated header values from one seeded random source, for fuzz tests of
 * propagators and anything else that parses text from the wire.
 *
 * <p>The fuzzer knows no format: a test writes the valid values of its own format, lets the fuzzer
 * damage them ({@link #mutate}), mixes in random values ({@link #randomValue}) and very long ones
 * ({@link #huge}), and checks what its parser makes of each against its own oracle. The format
 * enters only as an alphabet (the characters that random values and insertions are mostly drawn
 * from, so that they come near enough to valid to reach deep into the parser) and the separators
 * of its grammar, which mutations insert whole.
 *
 * <pre>{@code
 * SplittableRandom random = new SplittableRandom(0x5eedL); // a fixed seed: a failure can be replayed
 * HeaderFuzzer fuzzer = new HeaderFuzzer(random, "0123456789abcdef-", "-", "-01");
 * for (int i = 0; i < 1_000_000; i++) {
 *   String value = i % 2 == 0 ? fuzzer.randomValue(70) : fuzzer.mutate(validValue(random));
 *   checkAgainstTheGrammar(value);
 * }
 * }</pre>
 *
 * <p>Every value is a function of the random source's seed and the calls made before it, so a
 * test that shares the source with its own generators stays reproducible. Not safe for use by
 * more than one thread, as {@link SplittableRandom} is not.
 */
public final class HeaderFuzzer {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SplittableRandom random;
  private final String alphabet;
  private final String[] separators;

  /**
   * Creates a fuzzer that draws from {@code random}, makes most characters from {@code alphabet},
   * and inserts whole {@code separators} when it mutates.
   */
  public HeaderFuzzer(SplittableRandom random, String alphabet, String... separators) {
    this.random = Objects.requireNonNull(random, "random");
    if (alphabet == null || alphabet.isEmpty()) {
      throw new IllegalArgumentException("alphabet must not be empty, was " + (alphabet == null ? "null" : "\"\""));
    }
    if (separators.length == 0) {
      throw new IllegalArgumentException("separators must not be empty");
    }
    this.alphabet = alphabet;
    this.separators = separators.clone();
  }

  /** Returns {@code digits} random lowercase hex digits. */
  public String hex(int digits) {
    char[] out = new char[digits];
    for (int i = 0; i < digits; i++) {
      out[i] = HEX[random.nextInt(16)];
    }
    return new String(out);
  }

  /**
   * Returns any UTF-16 unit, lone surrogates and controls included; half of them ASCII, which a
   * uniform draw would almost never give.
   */
  public char anyChar() {
    return random.nextBoolean() ? (char) random.nextInt(0x80) : (char) random.nextInt(0x10000);
  }

  /** Returns {@code length} characters drawn from {@code alphabet}, or from {@link #anyChar()} when it is null. */
  public String randomString(int length, String alphabet) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = alphabet == null ? anyChar() : alphabet.charAt(random.nextInt(alphabet.length()));
    }
    return new String(chars);
  }

  /**
   * Returns a random value shorter than {@code maxLength}: from the fuzzer's alphabet, or one time
   * in eight from any character.
   */
  public String randomValue(int maxLength) {
    int length = random.nextInt(maxLength);
    return randomString(length, random.nextInt(8) == 0 ? null : alphabet);
  }

  /**
   * Returns {@code value} after zero to three random edits: a character deleted, inserted from the
   * alphabet, replaced by any character or changed in case; the value cut short; a piece of it
   * copied elsewhere; a separator, a space or a tab inserted.
   */
  public String mutate(String value) {
    StringBuilder sb = new StringBuilder(value);
    // zero edits a quarter of the time: a mutated valid value is sometimes still valid, so the
    // checks on accepted values see values that came close to being damaged
    int edits = random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(sb.length() + 1);
      switch (random.nextInt(8)) {
        case 0 -> {
          if (at < sb.length()) {
            sb.deleteCharAt(at);
          }
        }
        case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        case 2 -> {
          if (at < sb.length()) {
            sb.setCharAt(at, anyChar());
          }
        }
        case 3 -> sb.setLength(at);
        case 4 -> {
          int from = random.nextInt(sb.length() + 1);
          sb.insert(at, sb.substring(from, from + random.nextInt(sb.length() - from + 1)));
        }
        case 5 -> {
          if (at < sb.length()) {
            sb.setCharAt(at, swapCase(sb.charAt(at)));
          }
        }
        case 6 -> sb.insert(at, separators[random.nextInt(separators.length)]);
        default -> sb.insert(at, random.nextBoolean() ? ' ' : '\t');
      }
    }
    return sb.toString();
  }

  private static char swapCase(char c) {
    return Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
  }

  /**
   * Returns {@code value} repeated to a random length from {@code minLength} up to, not including,
   * {@code maxLength}, the last copy cut short: a header far past any limit a parser should have.
   */
  public String huge(String value, int minLength, int maxLength) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("value must not be empty");
    }
    int length = minLength + random.nextInt(maxLength - minLength);
    StringBuilder sb = new StringBuilder(length).append(value);
    // doubling: a few bulk copies instead of one append per repetition
    while (sb.length() < length) {
      sb.append(sb, 0, Math.min(sb.length(), length - sb.length()));
    }
    sb.setLength(Math.min(sb.length(), length));
    return sb.toString();
  }
}
