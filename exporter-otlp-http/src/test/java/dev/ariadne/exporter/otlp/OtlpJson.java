package dev.ariadne.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Reads our OTLP/JSON bodies with the official parser: protobuf's {@link JsonFormat} into the
 * generated {@link ExportTraceServiceRequest}.
 *
 * <p>OTLP/JSON writes ids in hex where protobuf's JSON mapping expects base64, so the ids are
 * rewritten first, with Jackson's streaming parser and generator; everything else is copied token
 * by token. The parser is strict (no unknown fields), so a misspelt or misplaced field fails.
 */
final class OtlpJson {
  private static final Set<String> ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId");
  private static final JsonFactory JSON = new JsonFactory();

  private OtlpJson() {}

  /** Parses {@code body}, asserting it is valid UTF-8 and its ids are lowercase hex of the right length. */
  static ExportTraceServiceRequest parse(byte[] body) {
    String text = decodeStrictUtf8(body);
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    try {
      JsonFormat.parser().merge(hexIdsToBase64(body), request);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("protobuf's parser refused our JSON: " + e.getMessage() + "\n" + abbreviate(text), e);
    }
    return request.build();
  }

  /** {@code body} as text, failing on any malformed UTF-8. */
  static String decodeStrictUtf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("body is not valid UTF-8", e);
    }
  }

  private static String hexIdsToBase64(byte[] body) {
    StringWriter rewritten = new StringWriter(body.length);
    try (JsonParser parser = JSON.createParser(body);
        JsonGenerator generator = JSON.createGenerator(rewritten)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        String field = parser.currentName();
        if (token == JsonToken.VALUE_STRING && parser.getParsingContext().inObject() && ID_FIELDS.contains(field)) {
          generator.writeString(Base64.getEncoder().encodeToString(hexToBytes(field, parser.getText())));
        } else {
          generator.copyCurrentEvent(parser);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not well-formed JSON", e);
    }
    return rewritten.toString();
  }

  private static byte[] hexToBytes(String field, String hex) {
    assertThat(hex).as(field).matches(field.equals("traceId") ? "[0-9a-f]{32}" : "[0-9a-f]{16}");
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
    }
    return bytes;
  }

  private static String abbreviate(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
  }
}
