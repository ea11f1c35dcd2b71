package dev.ariadne.samplers;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanKind;
import dev.ariadne.core.sampling.Sampler;
import dev.ariadne.core.sampling.SamplingResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples each new trace at the rate of the first rule its root span matches (the default rate
 * when none does), times the multiplier of the first tier it matches, capped at 1; the decision
 * follows the consistent trace-id rule, and kept local roots record the rate they were kept at
 * ({@link SamplingAttributes}).
 *
 * <pre>{@code
 * // 10% by default, half of payments, 1% of health checks; premium users x1.5, free users x0.5
 * Sampler rules = RuleSampler.parse(
 *     "/api/payment=0.5,/api/order=0.3,/api/user/login=0.2,/api/health=0.01,/api/metrics=0.01,*=0.1,"
 *     + "[user.tier=premium]=x1.5,[user.tier=free]=x0.5");
 * Tracing tracing = Tracing.builder().sampler(Sampler.parentBased(rules)).build();
 *
 * // the same, built in code
 * Sampler same = RuleSampler.builder()
 *     .rule(Match.endpoint("/api/payment"), 0.5)
 *     .rule(Match.endpoint("/api/order"), 0.3)
 *     .rule(Match.endpoint("/api/user/login"), 0.2)
 *     .rule(Match.endpoint("/api/health"), 0.01)
 *     .rule(Match.endpoint("/api/metrics"), 0.01)
 *     .defaultRate(0.1)
 *     .tier(Match.attribute("user.tier").exact("premium"), 1.5)
 *     .tier(Match.attribute("user.tier").exact("free"), 0.5)
 *     .build();
 * }</pre>
 *
 * <p>Use it as the root sampler of {@code Sampler.parentBased(...)}: rules look at the attributes
 * of the span being started, and a child's attributes differ from its root's, so only the root
 * should decide. The sampler sees only attributes set on the span builder before {@code start()}
 * (instrumentation must put {@code http.route} or {@code url.path} there).
 *
 * <p>Everything is worked out when the sampler is built: the rules' matchers, and for every pair
 * of rule and tier the threshold and the result with its attributes. A decision is a walk over the
 * rules (each attribute looked up once for a run of rules reading it, and a run of exact rules on
 * one value answered by one hash-table probe, see {@code FirstMatch}), one over the tiers, and a
 * comparison; it allocates nothing.
 *
 * <h2>The string form</h2>
 * <pre>
 * rules      = entry *( "," entry )          blanks around entries, and around the last "=", are ignored
 * entry      = selector "=" rate             a rule: first match wins
 *            / "*" "=" rate                  the default rate (after every rule; 1 when absent)
 *            / selector "=" "x" multiplier   a tier: first match wins, none means x1
 * selector   = "[" key op pattern "]"        an attribute, or the span name when key is "span.name"
 *            / pattern                       the endpoint: http.route, else url.path, as a glob
 * op         = "="                           exact value
 *            / "^="                          prefix
 *            / "~="                          glob: "*" any run of characters, "?" one character
 * rate       = a decimal number in [0, 1]    such as 0.5, .01 or 1e-3
 * multiplier = a decimal number >= 0         such as 1.5
 * </pre>
 * The rate or multiplier follows the last {@code =} of an entry, so patterns may contain {@code =}
 * and {@code ]}; they may not contain {@code ,}, and a bare pattern may not start with {@code [}.
 * A key may not contain blanks, {@code =}, {@code ^}, {@code ~} or {@code ]}. Examples:
 * <pre>
 * /api/payment=0.5,/api/user/*=0.2,*=0.1
 * [rpc.method=GetUser]=0.2,[span.name~=GET /internal/*]=0,[url.path^=/static/]=0.001
 * *=0.1,[user.tier=premium]=x1.5,[user.tier=free]=x0.5
 * </pre>
 */
public final class RuleSampler implements Sampler {
  private final FirstMatch rules;
  private final FirstMatch tiers;
  private final int columns; // tiers + 1: the last column is "no tier matched"
  private final long[] thresholds; // [rule * columns + tier]; the last row is the default
  private final double[] rates;
  private final SamplingResult[] results;
  private final SamplingResult[] recordOnlyResults; // for the adaptive sampler, which decides later
  private final String description;

  private RuleSampler(Builder b) {
    int ruleCount = b.ruleMatches.size();
    int tierCount = b.tierMatches.size();
    Map<String, Integer> targetIds = new HashMap<>();
    this.rules = new FirstMatch(b.ruleMatches, targetIds);
    this.tiers = new FirstMatch(b.tierMatches, targetIds);
    this.columns = tierCount + 1;
    this.thresholds = new long[(ruleCount + 1) * columns];
    this.rates = new double[thresholds.length];
    this.results = new SamplingResult[thresholds.length];
    this.recordOnlyResults = new SamplingResult[thresholds.length];
    Map<Double, SamplingResult> shared = new HashMap<>();
    Map<Double, SamplingResult> sharedRecordOnly = new HashMap<>();
    for (int r = 0; r <= ruleCount; r++) {
      double rate = r < ruleCount ? b.ruleRates.get(r) : b.defaultRate;
      for (int t = 0; t <= tierCount; t++) {
        double effective = t < tierCount ? Math.min(1.0, rate * b.tierMultipliers.get(t)) : rate;
        rates[r * columns + t] = effective;
        thresholds[r * columns + t] = ConsistentRatio.threshold(effective);
        results[r * columns + t] = shared.computeIfAbsent(effective, SamplingAttributes::sampledAt);
        recordOnlyResults[r * columns + t] = sharedRecordOnly.computeIfAbsent(effective, SamplingAttributes::recordedAt);
      }
    }
    this.description = "Rules{" + b.text() + '}';
  }

  /** A builder with no rules, no tiers and a default rate of 1. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The sampler the string describes (grammar in the class comment), for configuration from the
   * environment.
   *
   * @throws IllegalArgumentException naming the position and the text of the first bad part
   */
  public static RuleSampler parse(String rules) {
    return RuleParser.parse(rules).build();
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext, long traceIdHigh, long traceIdLow, String name, SpanKind kind,
      Attributes attributes, List<Link> links) {
    int cell = cell(name, attributes);
    if (!ConsistentRatio.keeps(traceIdLow, thresholds[cell])) {
      return SamplingResult.drop();
    }
    return SamplingAttributes.isLocalRoot(parentContext) ? results[cell] : SamplingResult.recordAndSample();
  }

  /** The rate a root span with this name and these attributes is sampled at. */
  public double rateFor(String name, Attributes attributes) {
    return rates[cell(name, attributes)];
  }

  /**
   * A RECORD_ONLY result carrying the rate for this root span in the sampling attributes: how the
   * adaptive sampler learns a buffered trace's base rate, allocation-free.
   */
  SamplingResult recordOnlyFor(String name, Attributes attributes) {
    return recordOnlyResults[cell(name, attributes)];
  }

  private int cell(String name, Attributes attributes) {
    Attributes attrs = attributes == null ? Attributes.empty() : attributes;
    return rules.find(name, attrs) * columns + tiers.find(name, attrs);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }

  /** Collects rules, the default rate and tiers; every setting is checked when set. */
  public static final class Builder {
    private final List<Match> ruleMatches = new ArrayList<>();
    private final List<Double> ruleRates = new ArrayList<>();
    private final List<Match> tierMatches = new ArrayList<>();
    private final List<Double> tierMultipliers = new ArrayList<>();
    private double defaultRate = 1.0;
    private boolean defaultSet;

    private Builder() {}

    /**
     * Adds a rule: a trace whose root matches {@code match}, and no earlier rule, is kept at
     * {@code rate}.
     *
     * @throws IllegalArgumentException if rate is not within [0, 1], or the same match was added before
     */
    public Builder rule(Match match, double rate) {
      require(match, "rule match");
      ConsistentRatio.checkRate(rate, "rate of rule " + match);
      if (ruleMatches.contains(match)) {
        throw new IllegalArgumentException("rule " + match + " was added twice; the second would never match");
      }
      ruleMatches.add(match);
      ruleRates.add(rate);
      return this;
    }

    /** The rate of traces no rule matches; 1 unless set (as with no sampler at all). */
    public Builder defaultRate(double rate) {
      this.defaultRate = ConsistentRatio.checkRate(rate, "defaultRate");
      this.defaultSet = true;
      return this;
    }

    /**
     * Adds a tier: a trace whose root matches {@code match}, and no earlier tier, is kept at its
     * rule's rate times {@code multiplier}, capped at 1.
     *
     * @throws IllegalArgumentException if multiplier is negative or not finite, or the same match was added before
     */
    public Builder tier(Match match, double multiplier) {
      require(match, "tier match");
      if (!(multiplier >= 0 && multiplier < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("multiplier of tier " + match + " must be >= 0 and finite, was " + multiplier);
      }
      if (tierMatches.contains(match)) {
        throw new IllegalArgumentException("tier " + match + " was added twice; the second would never match");
      }
      tierMatches.add(match);
      tierMultipliers.add(multiplier);
      return this;
    }

    /** The configured sampler. */
    public RuleSampler build() {
      return new RuleSampler(this);
    }

    boolean hasRule(Match match) {
      return ruleMatches.contains(match);
    }

    boolean hasTier(Match match) {
      return tierMatches.contains(match);
    }

    boolean hasDefault() {
      return defaultSet;
    }

    /** The configuration in the string form. */
    String text() {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < ruleMatches.size(); i++) {
        text.append(ruleMatches.get(i)).append('=').append(ruleRates.get(i)).append(',');
      }
      text.append("*=").append(defaultRate);
      for (int i = 0; i < tierMatches.size(); i++) {
        text.append(",").append(tierMatches.get(i)).append("=x").append(tierMultipliers.get(i));
      }
      return text.toString();
    }

    private static void require(Match match, String setting) {
      if (match == null) {
        throw new IllegalArgumentException(setting + " must not be null");
      }
    }
  }
}
