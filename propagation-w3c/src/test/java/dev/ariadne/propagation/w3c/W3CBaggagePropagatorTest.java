package dev.ariadne.propagation.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ariadne.api.Baggage;
import dev.ariadne.api.BaggageEntry;
import dev.ariadne.api.Context;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class W3CBaggagePropagatorTest {
  private final W3CBaggagePropagator propagator = W3CBaggagePropagator.create();

  /** The baggage extracted from one {@code baggage} header into the root context. */
  static Baggage extract(String header) {
    Map<String, String> headers = new HashMap<>();
    headers.put("baggage", header);
    return Baggage.fromContext(
        W3CBaggagePropagator.create().extract(Context.root(), headers, TextMapGetter.forMap()));
  }

  /** The {@code baggage} header injected for {@code baggage}, or null when none was written. */
  static String inject(Baggage baggage) {
    Map<String, String> headers = new HashMap<>();
    W3CBaggagePropagator.create().inject(Context.root().with(baggage), headers, TextMapSetter.forMap());
    assertThat(headers.keySet()).isSubsetOf("baggage");
    return headers.get("baggage");
  }

  private static Map<String, String> values(Baggage baggage) {
    Map<String, String> values = new LinkedHashMap<>();
    baggage.forEach((key, entry) -> values.put(key, entry.value()));
    return values;
  }

  // ---- the propagator --------------------------------------------------------------------------

  @Test
  void fields_areTheBaggageHeader() {
    assertThat(propagator.fields()).containsExactly("baggage");
    assertThat(W3CBaggagePropagator.create()).isSameAs(propagator);
    assertThat(propagator).hasToString("W3CBaggagePropagator");
  }

  @Test
  void extract_withNothingToRead_returnsTheContextUnchanged() {
    Context context = Context.root().with(Baggage.empty().with("a", "1"));

    assertThat(propagator.extract(context, null, TextMapGetter.forMap())).isSameAs(context);
    assertThat(propagator.extract(context, Map.of("baggage", "x"), null)).isSameAs(context);
    assertThat(propagator.extract(context, Map.of(), TextMapGetter.forMap())).isSameAs(context);
    assertThat(propagator.extract(context, Map.of("baggage", ""), TextMapGetter.forMap())).isSameAs(context);
    assertThat(propagator.extract(context, Map.of("baggage", " , ,"), TextMapGetter.forMap())).isSameAs(context);
    assertThat(propagator.extract(context, Map.of("baggage", "bad member"), TextMapGetter.forMap()))
        .isSameAs(context);
    assertThat(Baggage.fromContext(propagator.extract(null, Map.of("baggage", "k=v"), TextMapGetter.forMap()))
        .get("k")).isEqualTo("v");
  }

  // ---- extract: grammar ------------------------------------------------------------------------

  @Test
  void extract_readsKeysValuesAndProperties_likeTheSpecificationsExample() {
    Baggage baggage = extract(
        "key1=value1;property1;property2, key2 = value2, key3=value3; propertyKey=propertyValue");

    assertThat(baggage.asMap()).containsExactly(
        Map.entry("key1", BaggageEntry.of("value1", "property1;property2")),
        Map.entry("key2", BaggageEntry.of("value2", "")),
        Map.entry("key3", BaggageEntry.of("value3", "propertyKey=propertyValue")));
  }

  @Test
  void extract_ignoresSpacesAndTabsAroundEveryToken() {
    Baggage baggage = extract("SomeKey \t = \t SomeValue \t ; \t SomeProp \t , \t SomeKey2 \t = \t SomeValue2"
        + " \t ; \t ValueProp \t = \t PropVal");

    assertThat(baggage.asMap()).containsExactly(
        Map.entry("SomeKey", BaggageEntry.of("SomeValue", "SomeProp")),
        Map.entry("SomeKey2", BaggageEntry.of("SomeValue2", "ValueProp=PropVal")));
  }

  @Test
  void extract_allowsEqualsSignsInAValue() {
    assertThat(extract("SomeKey=SomeValue=equals").get("SomeKey")).isEqualTo("SomeValue=equals");
  }

  @Test
  void extract_allowsAnEmptyValue() {
    assertThat(extract("empty=,also = ;p").asMap()).containsExactly(
        Map.entry("empty", BaggageEntry.of("", "")), Map.entry("also", BaggageEntry.of("", "p")));
  }

  @Test
  void extract_keepsPropertiesAsMetadataText_evenWithRepeatedNames_andPercentEncodedValues() {
    Baggage baggage = extract("k=v;SomeProp;SomeProp=PropValue;SomeProp=Another,"
        + "e=v;SomePropKey=%09%20%22%27%3B%3Dasdf%21%40%23%24%25%5E%26%2A%28%29,"
        + "t=v;ValueProp%20%09%20%3D%20%09%20PropVal");

    assertThat(baggage.getEntry("k").metadata()).isEqualTo("SomeProp;SomeProp=PropValue;SomeProp=Another");
    assertThat(baggage.getEntry("e").metadata())
        .isEqualTo("SomePropKey=%09%20%22%27%3B%3Dasdf%21%40%23%24%25%5E%26%2A%28%29");
    assertThat(baggage.getEntry("t").metadata()).isEqualTo("ValueProp%20%09%20%3D%20%09%20PropVal");
  }

  @Test
  void extract_keysAreCaseSensitiveTokens_notDecoded() {
    assertThat(values(extract("Key=1,key=2,k%41=3,!#$&'*+-.^_`|~=4"))).containsExactly(
        Map.entry("Key", "1"), Map.entry("key", "2"), Map.entry("k%41", "3"), Map.entry("!#$&'*+-.^_`|~", "4"));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {
      "novalue", "=v", " = v", "k v=1", "k=a b", "k=\"quoted\"", "k=a\\b", "k=v;", "k=v;;p", "k=v;=x",
      "k=v; p q", "k=v;p=a b", "k=v;p=\"x\"", "k\u00e9=v", "k=\u00e9", "k=v\r", "k=v\nx", "k=v\u0000",
      "k=\u007f", "k(=v", "k@=v", "k:=v", "k=v;p@=1", "k;=v",
  })
  void malformedMembers_areSkipped_andTheOthersKept(String bad) {
    Baggage baggage = extract("before=1," + bad + ",after=2");

    assertThat(baggage.get("before")).isEqualTo("1");
    assertThat(baggage.get("after")).isEqualTo("2");
    assertThat(baggage.size()).as(bad).isEqualTo(2);
  }

  @Test
  void emptyMembers_areSkipped() {
    assertThat(values(extract(",a=1,, \t ,b=2,"))).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
  }

  @Test
  void aRepeatedKey_keepsItsLastValue_inTheFirstPosition() {
    Baggage baggage = extract("a=1;p,b=2,a=3");

    assertThat(baggage.asMap()).containsExactly(
        Map.entry("a", BaggageEntry.of("3", "")), Map.entry("b", BaggageEntry.of("2", "")));
  }

  @Test
  void severalHeaderFields_areOneList() {
    Map<String, List<String>> headers = Map.of("baggage", List.of("userId=alice", "serverNode=DF%2028,isProduction=false"));

    Baggage baggage = Baggage.fromContext(propagator.extract(Context.root(), headers, TextMapGetter.forMultiMap()));

    assertThat(values(baggage)).containsExactly(
        Map.entry("userId", "alice"), Map.entry("serverNode", "DF 28"), Map.entry("isProduction", "false"));
  }

  @Test
  void extractedEntries_overrideTheContextsBaggage_andKeepTheRest() {
    Context context = Context.root().with(Baggage.empty().with("kept", "old").with("replaced", "old", "m"));

    Context extracted = propagator.extract(context, Map.of("baggage", "replaced=new,added=1"), TextMapGetter.forMap());

    assertThat(Baggage.fromContext(extracted).asMap()).containsExactly(
        Map.entry("kept", BaggageEntry.of("old", "")),
        Map.entry("replaced", BaggageEntry.of("new", "")),
        Map.entry("added", BaggageEntry.of("1", "")));
  }

  // ---- extract: percent-decoding ---------------------------------------------------------------

  @Test
  void values_arePercentDecodedAsUtf8() {
    Baggage baggage = extract("userId=Am%C3%A9lie,serverNode=DF%2028,emoji=%F0%9F%A7%B6,lower=%c3%a9,"
        + "reference=%09%20%22%27%3B%3Dasdf%21%40%23%24%25%5E%26%2A%28%29");

    assertThat(values(baggage)).containsExactly(
        Map.entry("userId", "Am\u00e9lie"), Map.entry("serverNode", "DF 28"),
        Map.entry("emoji", "\ud83e\uddf6"), Map.entry("lower", "\u00e9"),
        Map.entry("reference", "\t \"';=asdf!@#$%^&*()"));
  }

  @Test
  void octetsThatAreNotUtf8_becomeTheReplacementCharacter() {
    Baggage baggage = extract("a=%FF,b=x%C3,c=%C3%28,d=%ED%A0%80");

    assertThat(baggage.get("a")).isEqualTo("\ufffd");
    assertThat(baggage.get("b")).isEqualTo("x\ufffd");
    assertThat(baggage.get("c")).isEqualTo("\ufffd(");
    assertThat(baggage.get("d")).doesNotContain("\ud800").contains("\ufffd");
  }

  @Test
  void aPercentSignWithoutTwoHexDigits_staysLiteral_andAPlusStaysAPlus() {
    assertThat(values(extract("a=100%,b=%zz,c=%4,d=%%41,e=1+1"))).containsExactly(
        Map.entry("a", "100%"), Map.entry("b", "%zz"), Map.entry("c", "%4"), Map.entry("d", "%A"),
        Map.entry("e", "1+1"));
  }

  // ---- extract: limits -------------------------------------------------------------------------

  @Test
  void extract_keepsTheFirst64Members_andDropsTheRest() {
    StringJoiner header = new StringJoiner(",");
    for (int i = 0; i < 65; i++) {
      header.add("k" + i + "=" + i);
    }

    Baggage baggage = extract(header.toString());

    assertThat(baggage.size()).isEqualTo(64);
    assertThat(baggage.get("k63")).isEqualTo("63");
    assertThat(baggage.get("k64")).isNull();
  }

  @Test
  void extract_countsOnlyValidMembersTowardsThe64() {
    StringJoiner header = new StringJoiner(",");
    for (int i = 0; i < 64; i++) {
      header.add("bad member " + i).add("k" + i + "=" + i);
    }

    assertThat(extract(header.toString()).size()).isEqualTo(64);
  }

  @Test
  void extract_readsMembersWithinTheFirst8192Bytes_andDropsAMemberCrossingThatLimit() {
    String first = "a=" + "1".repeat(4000);
    String second = "b=" + "2".repeat(8192 - first.length() - 1 - 2); // ends exactly at 8192
    assertThat(first.length() + 1 + second.length()).isEqualTo(8192);

    assertThat(extract(first + "," + second).size()).isEqualTo(2);
    assertThat(extract(first + "," + second + ",c=3").asMap().keySet()).containsExactly("a", "b");
    assertThat(extract(first + "," + second + "2,c=3").asMap().keySet()).containsExactly("a");
    assertThat(extract("x=" + "9".repeat(9000) + ",c=3").isEmpty()).isTrue();
  }

  @Test
  void extract_ofAHugeHeader_readsOnlyItsBeginning_andDoesNotThrow() {
    String huge = "a=1," + "k=v;p,".repeat(2_000_000) + "z=late";

    assertThatCode(() -> {
      Baggage baggage = extract(huge);
      assertThat(baggage.get("a")).isEqualTo("1");
      assertThat(baggage.get("z")).isNull();
    }).doesNotThrowAnyException();
  }

  @Test
  void extractedBaggage_alwaysFitsInOneInjectedHeader_evenWhenDecodingGrowsIt() {
    // %FF (3 bytes) decodes to U+FFFD, which is written back as %EF%BF%BD (9 bytes)
    String header = "a=" + "%FF".repeat(2000) + ",b=" + "x".repeat(2000);

    Baggage baggage = extract(header);
    String injected = inject(baggage);

    assertThat(injected.length()).isLessThanOrEqualTo(8192);
    assertThat(extract(injected)).isEqualTo(baggage);
    assertThat(baggage.get("b")).isNotNull(); // the small member still fits
    assertThat(baggage.get("a")).isNull(); // 18002 bytes written: it never could
  }

  // ---- inject ----------------------------------------------------------------------------------

  @Test
  void inject_writesEntriesInOrder_withTheirMetadata() {
    Baggage baggage = Baggage.empty().with("userId", "alice").with("serverNode", "DF 28", "p1;p2=v")
        .with("isProduction", "false");

    assertThat(inject(baggage)).isEqualTo("userId=alice,serverNode=DF%2028;p1;p2=v,isProduction=false");
  }

  @Test
  void inject_percentEncodesUtf8_andEverythingOutsideBaggageOctets_andThePercentSign() {
    assertThat(inject(Baggage.empty().with("userId", "Am\u00e9lie"))).isEqualTo("userId=Am%C3%A9lie");
    assertThat(inject(Baggage.empty().with("k", "a,b;c\"d\\e f%g\th\r\ni\u0000\u007f")))
        .isEqualTo("k=a%2Cb%3Bc%22d%5Ce%20f%25g%09h%0D%0Ai%00%7F");
    assertThat(inject(Baggage.empty().with("k", "\ud83e\uddf6\u20ac"))).isEqualTo("k=%F0%9F%A7%B6%E2%82%AC");
    assertThat(inject(Baggage.empty().with("k", "=!#$&'()*+-./:<>?@[]^_`{|}~")))
        .isEqualTo("k==!#$&'()*+-./:<>?@[]^_`{|}~");
  }

  @Test
  void inject_writesALoneSurrogate_asTheReplacementCharacter() {
    assertThat(inject(Baggage.empty().with("k", "a\ud800b\udc00"))).isEqualTo("k=a%EF%BF%BDb%EF%BF%BD");
  }

  @Test
  void inject_skipsEntriesWhoseKeyIsNotAToken() {
    Baggage baggage = Baggage.empty().with("good", "1").with("bad key", "2").with("b\u00e4d", "3")
        .with("bad,key", "4").with("bad\r\nkey", "5").with("ok", "6");

    assertThat(inject(baggage)).isEqualTo("good=1,ok=6");
    assertThat(inject(Baggage.empty().with("bad key", "x"))).isNull();
  }

  @Test
  void inject_writesMetadataWithoutItsOptionalWhitespace_andLeavesOutMetadataThatIsNotAPropertyList() {
    Baggage baggage = Baggage.empty().with("a", "1", " p1 ; p2 =\tv ").with("b", "2", "not a property")
        .with("c", "3", "p=\r\nInjected: header").with("d", "4", "p;").with("e", "5", "");

    assertThat(inject(baggage)).isEqualTo("a=1;p1;p2=v,b=2,c=3,d=4,e=5");
  }

  @Test
  void inject_ofEmptyBaggageOrAnythingNull_writesNothing() {
    Map<String, String> headers = new HashMap<>();

    propagator.inject(Context.root(), headers, TextMapSetter.forMap());
    propagator.inject(null, headers, TextMapSetter.forMap());
    propagator.inject(Context.root().with(Baggage.empty().with("k", "v")), null, TextMapSetter.forMap());
    propagator.inject(Context.root().with(Baggage.empty().with("k", "v")), headers, null);

    assertThat(headers).isEmpty();
  }

  // ---- inject: limits --------------------------------------------------------------------------

  @Test
  void inject_writesAtMost64Entries() {
    Baggage baggage = Baggage.empty();
    for (int i = 0; i < 65; i++) {
      baggage = baggage.with("key" + i, "value");
    }

    String header = inject(baggage);

    assertThat(header.split(",")).hasSize(64);
    assertThat(header).startsWith("key0=value,").endsWith(",key63=value");
  }

  @Test
  void inject_writesAnEntryOfExactly8192Bytes() {
    String header = inject(Baggage.empty().with("a", "0123456789".repeat(819)));

    assertThat(header).hasSize(8192);
  }

  @Test
  void inject_writes64EntriesFillingAlmostAllOf8192Bytes() {
    Baggage baggage = Baggage.empty();
    for (int i = 0; i < 64; i++) {
      baggage = baggage.with(String.format("%03d", i), "0123456789a".repeat(11)); // 3 + 1 + 121 bytes
    }

    String header = inject(baggage);

    assertThat(header.length()).isEqualTo(64 * 125 + 63).isLessThanOrEqualTo(8192);
  }

  @Test
  void inject_dropsWholeEntriesThatWouldExceed8192Bytes_andKeepsLaterOnesThatFit() {
    Baggage baggage = Baggage.empty()
        .with("a", "x".repeat(5000))
        .with("b", "y".repeat(5000)) // would take the header to 10004 bytes
        .with("c", "\u00e9".repeat(1000)) // 6000 bytes encoded: also too many
        .with("d", "z".repeat(3000)); // 5002 + 1 + 3002 = 8005: fits

    String header = inject(baggage);

    assertThat(header).hasSize(8005);
    assertThat(values(extract(header))).containsOnlyKeys("a", "d");
  }

  @Test
  void inject_neverWritesAHeaderOver8192Bytes_norControlCharacters() {
    SplittableRandom random = new SplittableRandom(20260701L);
    for (int round = 0; round < 300; round++) {
      Baggage baggage = Baggage.empty();
      int entries = 1 + random.nextInt(100);
      for (int i = 0; i < entries; i++) {
        baggage = baggage.with(
            "k" + i, randomText(random, random.nextInt(400)), random.nextInt(4) == 0 ? randomText(random, 20) : null);
      }

      String header = inject(baggage);

      if (header != null) {
        assertThat(header.length()).isLessThanOrEqualTo(8192);
        assertThat(header.split(",", -1).length).isLessThanOrEqualTo(64);
        assertThat(header.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\'))
            .as(header).isTrue();
      }
    }
  }

  static String randomText(SplittableRandom random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(5)) {
        case 0:
          text.append((char) random.nextInt(0x20)); // control characters, CR and LF among them
          break;
        case 1:
          text.append((char) (0x80 + random.nextInt(0x780))); // two UTF-8 bytes
          break;
        case 2:
          text.appendCodePoint(0x10000 + random.nextInt(0xfffff)); // surrogate pairs
          break;
        case 3:
          text.append((char) (0x800 + random.nextInt(0xd000))); // three bytes
          break;
        default:
          text.append((char) (0x20 + random.nextInt(0x60))); // printable ASCII
      }
    }
    return text.toString();
  }

  // ---- round trips -----------------------------------------------------------------------------

  @Test
  void injectThenExtract_roundTripsAnyUnicodeValue_andCanonicalMetadata() {
    SplittableRandom random = new SplittableRandom(42L);
    for (int round = 0; round < 2000; round++) {
      Baggage baggage = Baggage.empty();
      int entries = 1 + random.nextInt(8);
      for (int i = 0; i < entries; i++) {
        baggage = baggage.with("k" + i, randomText(random, random.nextInt(30)),
            random.nextBoolean() ? "" : "p" + i + ";q=v%20" + i);
      }

      assertThat(extract(inject(baggage))).isEqualTo(baggage);
    }
  }

  @Test
  void extractThenInject_isStable_afterOneNormalisation() {
    List<String> headers = new ArrayList<>(List.of(
        "key1 = value1 ; p ; q = 1 , key2=%41%c3%a9",
        "a=%zz,b=%FF,c=1+1,d= , e=x;y"));

    for (String header : headers) {
      Baggage once = extract(header);
      String canonical = inject(once);

      assertThat(extract(canonical)).isEqualTo(once);
      assertThat(inject(extract(canonical))).isEqualTo(canonical);
    }
  }
}
