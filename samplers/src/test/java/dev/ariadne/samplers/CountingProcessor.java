package dev.ariadne.samplers;

import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanProcessor;
import java.util.concurrent.atomic.LongAdder;

/** A downstream processor that only counts the sampled spans it is handed, keeping none. */
final class CountingProcessor implements SpanProcessor {
  final LongAdder sampledEnded = new LongAdder();
  final LongAdder unsampledEnded = new LongAdder();

  @Override
  public void onEnd(SpanData span) {
    (span.spanContext().isSampled() ? sampledEnded : unsampledEnded).increment();
  }
}
