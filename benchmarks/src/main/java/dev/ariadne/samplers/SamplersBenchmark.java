package dev.ariadne.samplers;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Link;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanProcessor;
import dev.ariadne.core.sampling.Sampler;
import dev.ariadne.core.sampling.SamplingResult;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a sampling decision for each sampler of the {@code samplers} module (with core's
 * ratio sampler as the reference), and the cost adaptive tail sampling adds to a trace of three
 * spans, against the same trace under an always-on sampler.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SamplersBenchmark {
  static final String RULES = "/api/payment=0.5,/api/order=0.3,/api/user/login=0.2,/api/health=0.01,/api/metrics=0.01,*=0.1,"
      + "[user.tier=premium]=x1.5,[user.tier=standard]=x1.0,[user.tier=free]=x0.5";
  final long[] ids = new long[1024];
  int i;
  final Sampler coreRatio = Sampler.traceIdRatio(0.1);
  final Sampler ratio = RatioSampler.create(0.1);
  final Sampler rules = RuleSampler.parse(RULES);
  final Sampler limitedSaturated = RateLimitingSampler.create(1);
  final Sampler limitedOpen = RateLimitingSampler.create(1e9);
  final Attributes firstRule = Attributes.builder().put("http.method", "POST").put("http.route", "/api/payment").put("user.tier", "premium").build();
  final Attributes fifthRule = Attributes.builder().put("http.method", "GET").put("url.path", "/api/metrics").put("user.tier", "free").build();
  // values as a request would bring them: fresh strings, not the interned literals the rules hold
  final Attributes firstRuleFresh = Attributes.builder().put("http.method", new String("POST")).put("http.route", new String("/api/payment")).put("user.tier", new String("premium")).build();
  final Attributes fifthRuleFresh = Attributes.builder().put("http.method", new String("GET")).put("url.path", new String("/api/metrics")).put("user.tier", new String("free")).build();
  final List<Link> noLinks = List.of();

  static final class Discard implements SpanProcessor {
    long n;
    @Override public void onEnd(SpanData span) { if (span.spanContext().isSampled()) n++; }
  }

  Tracing plain;
  Tracer plainTracer;
  Tracing adaptiveTracing;
  Tracer adaptiveTracer;

  @Setup
  public void setup() {
    SplittableRandom r = new SplittableRandom(1);
    for (int k = 0; k < ids.length; k++) ids[k] = r.nextLong();
    plain = Tracing.builder().sampler(Sampler.alwaysOn()).addSpanProcessor(new Discard()).build();
    plainTracer = plain.tracer("b");
    AdaptiveSampling a = AdaptiveSampling.builder(new Discard()).build();
    adaptiveTracing = Tracing.builder().sampler(a.sampler()).addSpanProcessor(a.processor()).build();
    adaptiveTracer = adaptiveTracing.tracer("b");
  }

  @TearDown
  public void tearDown() {
    plain.close();
    adaptiveTracing.close();
  }

  private long next() { return ids[(i++) & 1023]; }

  @Benchmark public SamplingResult coreTraceIdRatio() {
    return coreRatio.shouldSample(Context.root(), 1, next(), "GET", SpanKind.SERVER, Attributes.empty(), noLinks);
  }
  @Benchmark public SamplingResult ratio() {
    return ratio.shouldSample(Context.root(), 1, next(), "GET", SpanKind.SERVER, Attributes.empty(), noLinks);
  }
  @Benchmark public SamplingResult rules_firstRuleMatches() {
    return rules.shouldSample(Context.root(), 1, next(), "POST", SpanKind.SERVER, firstRule, noLinks);
  }
  @Benchmark public SamplingResult rules_fifthRuleMatches() {
    return rules.shouldSample(Context.root(), 1, next(), "GET", SpanKind.SERVER, fifthRule, noLinks);
  }
  @Benchmark public SamplingResult rules_firstRuleMatches_freshValues() {
    return rules.shouldSample(Context.root(), 1, next(), "POST", SpanKind.SERVER, firstRuleFresh, noLinks);
  }
  @Benchmark public SamplingResult rules_fifthRuleMatches_freshValues() {
    return rules.shouldSample(Context.root(), 1, next(), "GET", SpanKind.SERVER, fifthRuleFresh, noLinks);
  }
  @Benchmark public SamplingResult rateLimiting_saturated() {
    return limitedSaturated.shouldSample(Context.root(), 1, next(), "GET", SpanKind.SERVER, Attributes.empty(), noLinks);
  }
  @Benchmark public SamplingResult rateLimiting_open() {
    return limitedOpen.shouldSample(Context.root(), 1, next(), "GET", SpanKind.SERVER, Attributes.empty(), noLinks);
  }
  @Benchmark public void traceOfThreeSpans_alwaysOn() {
    Span root = plainTracer.span("root").start();
    Context c = Context.root().with(root);
    plainTracer.span("a").parent(c).start().end();
    plainTracer.span("b").parent(c).start().end();
    root.end();
  }
  @Benchmark public void traceOfThreeSpans_adaptive() {
    Span root = adaptiveTracer.span("root").start();
    Context c = Context.root().with(root);
    adaptiveTracer.span("a").parent(c).start().end();
    adaptiveTracer.span("b").parent(c).start().end();
    root.end();
  }
}
