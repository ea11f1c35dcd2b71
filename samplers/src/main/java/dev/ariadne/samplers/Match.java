package dev.ariadne.samplers;

import dev.ariadne.api.Attributes;

/**
 * What a sampling rule looks at and how it compares: the span name, one attribute, or the
 * endpoint, matched by exact value, prefix or glob. Made once when the sampler is built; matching
 * allocates nothing and uses no regular expression.
 *
 * <pre>{@code
 * Match.endpoint("/api/payment")                  // http.route (or url.path) is /api/payment
 * Match.endpoint("/api/user/*")                   // ... starts with /api/user/
 * Match.attribute("rpc.method").exact("GetUser")
 * Match.attribute("url.path").prefix("/internal/")
 * Match.spanName().glob("GET /api/v?/orders*")
 * }</pre>
 *
 * <p>Only attributes set on the span builder before {@code start()} are visible to a sampler, and
 * only string values match. A glob's {@code *} matches any run of characters ({@code /} included,
 * and none at all) and {@code ?} exactly one (one UTF-16 unit); there is no escape, so use
 * {@link Target#exact} to match a literal {@code *} or {@code ?}.
 */
public final class Match {
  /** The attribute holding a server span's route template, such as {@code /api/user/{id}}. */
  public static final String HTTP_ROUTE = "http.route";
  /** The attribute holding the request's path, such as {@code /api/user/42}. */
  public static final String URL_PATH = "url.path";
  /** The key that, in the string form, stands for the span's name. */
  static final String SPAN_NAME_KEY = "span.name";

  // what is read
  static final int NAME = 0;
  static final int ATTRIBUTE = 1;
  static final int ENDPOINT = 2;
  // how it is compared (the glob is compiled to the cheapest form that means the same)
  private static final int EXACT = 0;
  private static final int PREFIX = 1;
  private static final int SUFFIX = 2;
  private static final int CONTAINS = 3;
  private static final int ANY = 4;
  private static final int GLOB = 5;

  private final int target;
  private final String key;
  private final char operator; // '=', '^' or '~', for the string form
  private final String pattern;
  private final int kind;
  private final String literal; // what EXACT, PREFIX, SUFFIX and CONTAINS compare with

  private Match(int target, String key, char operator, String pattern) {
    this.target = target;
    // Interned, like the literals instrumentation writes, so that most lookups and comparisons
    // end at an identity check.
    this.key = key == null ? null : key.intern();
    this.operator = operator;
    this.pattern = pattern;
    if (operator == '=') {
      kind = EXACT;
      literal = pattern.intern();
    } else if (operator == '^') {
      kind = PREFIX;
      literal = pattern;
    } else {
      int[] compiled = new int[1];
      literal = compileGlob(pattern, compiled).intern();
      kind = compiled[0];
    }
  }

  /** The span's name. */
  public static Target spanName() {
    return new Target(NAME, null);
  }

  /** The string attribute {@code key} set on the span builder. */
  public static Target attribute(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("attribute key must not be blank");
    }
    return new Target(ATTRIBUTE, key);
  }

  /**
   * The endpoint: {@value #HTTP_ROUTE} when the span has it, otherwise {@value #URL_PATH},
   * matched as a glob (without {@code *} or {@code ?} it is an exact match).
   */
  public static Match endpoint(String glob) {
    return new Match(ENDPOINT, null, '~', requirePattern(glob));
  }

  /** The value this match reads from a span: its name, or a string attribute; null when absent. */
  String valueOf(String spanName, Attributes attributes) {
    if (target == NAME) {
      return spanName;
    }
    if (target == ATTRIBUTE) {
      return stringAttribute(attributes, key);
    }
    return endpoint(attributes);
  }

  /**
   * The string value of http.route, else of url.path; null if neither. One pass for both keys, so
   * a span without a route (only a path) costs no failed search for the route first: each key is
   * compared by identity (keys are usually the same interned literals), and by contents only when
   * the lengths agree.
   */
  private static String endpoint(Attributes attributes) {
    String path = null;
    boolean pathSeen = false;
    for (int i = 0, n = attributes.size(); i < n; i++) {
      String k = attributes.key(i);
      if (sameKey(k, HTTP_ROUTE)) {
        Object route = attributes.value(i);
        if (route instanceof String) {
          return (String) route;
        }
        return pathSeen ? path : stringAttribute(attributes, URL_PATH);
      }
      if (!pathSeen && sameKey(k, URL_PATH)) {
        Object value = attributes.value(i);
        path = value instanceof String ? (String) value : null;
        pathSeen = true;
      }
    }
    return path;
  }

  private static boolean sameKey(String k, String key) {
    return k == key || (k.length() == key.length() && k.equals(key));
  }

  /**
   * The string value of attribute {@code key}; null if absent or not a string. {@code Attributes.get}
   * of a span's or builder's attribute list scans its flat array, identity first.
   */
  private static String stringAttribute(Attributes attributes, String key) {
    Object value = attributes.get(key);
    return value instanceof String ? (String) value : null;
  }

  /** Whether {@code value} (never null) matches. */
  boolean matches(String value) {
    switch (kind) {
      case EXACT:
        // the length check first: most values a rule sees are not its own, and most differ in length
        return value == literal || (value.length() == literal.length() && value.equals(literal));
      case PREFIX:
        return value.startsWith(literal);
      case SUFFIX:
        return value.endsWith(literal);
      case CONTAINS:
        return value.contains(literal);
      case ANY:
        return true;
      default:
        return globMatches(pattern, value);
    }
  }

  /** Whether this match compares the whole value with one literal, so a table can stand for it. */
  boolean isExact() {
    return kind == EXACT;
  }

  /** The interned literal an exact match compares with. */
  String exactLiteral() {
    return literal;
  }

  /** Whether a span with this name and these attributes matches. */
  boolean matches(String spanName, Attributes attributes) {
    String value = valueOf(spanName, attributes == null ? Attributes.empty() : attributes);
    return value != null && matches(value);
  }

  /** Identifies what is read, so a sampler looks each value up once per decision. */
  String targetKey() {
    return target == NAME ? "\0name" : target == ENDPOINT ? "\0endpoint" : key;
  }

  /**
   * Compiles a glob to the cheapest equivalent: returns the literal to compare with and sets
   * {@code kind[0]}.
   */
  private static String compileGlob(String glob, int[] kind) {
    int stars = 0;
    boolean question = false;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        stars++;
      } else if (c == '?') {
        question = true;
      }
    }
    int n = glob.length();
    if (stars == 0 && !question) {
      kind[0] = EXACT;
      return glob;
    }
    if (!question && stars == n) {
      kind[0] = ANY;
      return "";
    }
    if (!question && stars == 1 && glob.charAt(n - 1) == '*') {
      kind[0] = PREFIX;
      return glob.substring(0, n - 1);
    }
    if (!question && stars == 1 && glob.charAt(0) == '*') {
      kind[0] = SUFFIX;
      return glob.substring(1);
    }
    if (!question && stars == 2 && n > 2 && glob.charAt(0) == '*' && glob.charAt(n - 1) == '*') {
      kind[0] = CONTAINS;
      return glob.substring(1, n - 1);
    }
    kind[0] = GLOB;
    return glob;
  }

  /**
   * Glob matching in one pass with one backtrack point: on a mismatch after a {@code *}, the star
   * takes one more character and matching resumes. Linear in practice, at worst
   * O(pattern x value), and it allocates nothing.
   */
  static boolean globMatches(String glob, String value) {
    int p = 0;
    int v = 0;
    int star = -1;
    int starValue = 0;
    int pn = glob.length();
    int vn = value.length();
    while (v < vn) {
      if (p < pn) {
        char c = glob.charAt(p);
        if (c == '*') {
          star = p++;
          starValue = v;
          continue;
        }
        if (c == '?' || c == value.charAt(v)) {
          p++;
          v++;
          continue;
        }
      }
      if (star < 0) {
        return false;
      }
      p = star + 1;
      v = ++starValue;
    }
    while (p < pn && glob.charAt(p) == '*') {
      p++;
    }
    return p == pn;
  }

  private static String requirePattern(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      throw new IllegalArgumentException("pattern must not be empty");
    }
    return pattern;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Match)) {
      return false;
    }
    Match other = (Match) o;
    return target == other.target && operator == other.operator && pattern.equals(other.pattern)
        && (key == null ? other.key == null : key.equals(other.key));
  }

  @Override
  public int hashCode() {
    return (target * 31 + operator) * 31 + pattern.hashCode() + (key == null ? 0 : key.hashCode() * 17);
  }

  /** The match in the string form {@link RuleSampler#parse} reads. */
  @Override
  public String toString() {
    if (target == ENDPOINT) {
      return pattern;
    }
    String shown = target == NAME ? SPAN_NAME_KEY : key;
    return '[' + shown + (operator == '=' ? "=" : operator + "=") + pattern + ']';
  }

  /** The span name or an attribute, waiting to be told how to compare. */
  public static final class Target {
    private final int target;
    private final String key;

    private Target(int target, String key) {
      this.target = target;
      this.key = key;
    }

    /** Matches when the value equals {@code value}. */
    public Match exact(String value) {
      return new Match(target, key, '=', requirePattern(value));
    }

    /** Matches when the value starts with {@code prefix}. */
    public Match prefix(String prefix) {
      return new Match(target, key, '^', requirePattern(prefix));
    }

    /** Matches when the value matches {@code glob}: {@code *} any run of characters, {@code ?} one. */
    public Match glob(String glob) {
      return new Match(target, key, '~', requirePattern(glob));
    }
  }
}
