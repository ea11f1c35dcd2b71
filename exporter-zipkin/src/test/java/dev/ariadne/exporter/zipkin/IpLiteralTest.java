package dev.ariadne.exporter.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpLiteralTest {

  @Test
  void dottedQuads_areIpv4() {
    for (String s : new String[] {"0.0.0.0", "10.1.2.3", "255.255.255.255", "127.0.0.1"}) {
      assertThat(IpLiteral.kind(s)).as(s).isEqualTo(IpLiteral.V4);
    }
  }

  @Test
  void ipv6Forms_areIpv6() {
    for (String s : new String[] {"::", "::1", "1::", "2001:db8::7", "fe80::1:2:3:4", "1:2:3:4:5:6:7:8",
        "::ffff:10.0.0.1", "2001:DB8:0:0:0:0:0:1", "1:2:3:4:5:6:1.2.3.4"}) {
      assertThat(IpLiteral.kind(s)).as(s).isEqualTo(IpLiteral.V6);
    }
  }

  @Test
  void hostNamesAndMalformedAddresses_areNone() {
    for (String s : new String[] {"", "localhost", "db.internal", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3",
        "1.2.3.4.", "0001.2.3.4", ":1", "1:", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "fe80::1%eth0",
        "[::1]", "g::1", "1:2:3:4:5:6:7", "::1.2.3", "1.2.3.4::", " 10.0.0.1", "x".repeat(100)}) {
      assertThat(IpLiteral.kind(s)).as(s).isEqualTo(IpLiteral.NONE);
    }
    assertThat(IpLiteral.kind(null)).isEqualTo(IpLiteral.NONE);
  }

  @Test
  void agreesWithTheJdk_onRandomCandidates() throws Exception {
    java.util.Random random = new java.util.Random(7);
    String alphabet = "0123456789abcdef:.";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int length = 1 + random.nextInt(20);
      for (int j = 0; j < length; j++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = b.toString();
      if (s.matches(".*[0-9a-f]{5}.*") && s.contains(":")) {
        // the JDK also takes IPv6 groups of five or more digits with leading zeros; RFC 4291 does not
        assertThat(IpLiteral.kind(s)).as(s).isEqualTo(IpLiteral.NONE);
        continue;
      }
      int ours = IpLiteral.kind(s);
      int jdk = ExpectedZipkin.ipVersion(s);
      assertThat(ours).as(s).isEqualTo(jdk);
    }
  }
}
