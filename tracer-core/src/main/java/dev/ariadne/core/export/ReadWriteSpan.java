package dev.ariadne.core.export;

import dev.ariadne.api.Span;

/** A started span as a processor's {@code onStart} sees it: readable, and still writable. */
public interface ReadWriteSpan extends Span, SpanData {}
