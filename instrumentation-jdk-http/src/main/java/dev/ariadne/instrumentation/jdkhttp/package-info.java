/**
 * Automatic HTTP tracing for the JDK's own HTTP stack: {@link
 * dev.ariadne.instrumentation.jdkhttp.TracingFilter} gives {@code com.sun.net.httpserver} servers a
 * SERVER span per request, and {@link dev.ariadne.instrumentation.jdkhttp.TracingHttpClient} gives
 * {@code java.net.http.HttpClient} calls a CLIENT span and propagation headers. Attribute names
 * follow OpenTelemetry's stable HTTP semantic conventions.
 */
package dev.ariadne.instrumentation.jdkhttp;
