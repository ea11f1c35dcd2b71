package dev.ariadne.instrumentation.jdkhttp;

import java.net.URI;

/**
 * Makes URLs safe to record: credentials in the user-info part become {@code REDACTED:REDACTED}
 * and the values of sensitive query parameters become {@code REDACTED}, keeping the names, as
 * OpenTelemetry's {@code url.full} and {@code url.query} conventions ask.
 *
 * <p>Query parameter names matched case-insensitively, as sent (not percent-decoded):
 * the conventions' {@code AWSAccessKeyId}, {@code Signature}, {@code sig} (Azure SAS) and
 * {@code X-Goog-Signature}; AWS SigV4's {@code X-Amz-Signature}, {@code X-Amz-Credential} and
 * {@code X-Amz-Security-Token}; OAuth's {@code access_token}, {@code refresh_token},
 * {@code id_token} and {@code client_secret}; and the generic {@code token},
 * {@code api_key}, {@code apikey}, {@code api-key}, {@code secret}, {@code password},
 * {@code passwd} and {@code pwd}. OAuth's one-use {@code code} is left alone: the name is too
 * common elsewhere (country, product and error codes) to hide by default.
 */
final class UrlSanitizer {
  static final String REDACTED = "REDACTED";
  static final String[] SENSITIVE_QUERY_PARAMETERS = {
    "AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature",
    "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token",
    "access_token", "refresh_token", "id_token", "client_secret",
    "token", "api_key", "apikey", "api-key", "secret", "password", "passwd", "pwd",
  };

  private UrlSanitizer() {}

  /** {@code uri} as a string with credentials and sensitive query values redacted. */
  static String full(URI uri) {
    String userInfo = uri.getRawUserInfo();
    String query = uri.getRawQuery();
    String safeQuery = query == null ? null : query(query);
    if (userInfo == null && safeQuery == query) {
      return uri.toString(); // the common case: nothing to hide, nothing rebuilt
    }
    StringBuilder out = new StringBuilder(64);
    if (uri.getScheme() != null) {
      out.append(uri.getScheme()).append(':');
    }
    String authority = uri.getRawAuthority();
    if (authority != null) {
      out.append("//");
      if (userInfo != null) {
        out.append("REDACTED:REDACTED@");
      }
      out.append(authority, authority.lastIndexOf('@') + 1, authority.length());
    }
    if (uri.getRawPath() != null) {
      out.append(uri.getRawPath());
    }
    if (safeQuery != null) {
      out.append('?').append(safeQuery);
    }
    if (uri.getRawFragment() != null) {
      out.append('#').append(uri.getRawFragment());
    }
    return out.toString();
  }

  /** {@code query} with the values of sensitive parameters redacted; the same instance when none is. */
  static String query(String query) {
    StringBuilder out = null;
    int copied = 0; // query[0, copied) is already in out
    int length = query.length();
    for (int start = 0; start <= length; ) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      int equals = query.indexOf('=', start);
      if (equals >= 0 && equals < end && end - equals > 1 && isSensitive(query, start, equals - start)) {
        if (out == null) {
          out = new StringBuilder(length);
        }
        out.append(query, copied, equals + 1).append(REDACTED);
        copied = end;
      }
      start = end + 1;
    }
    if (out == null) {
      return query;
    }
    return out.append(query, copied, length).toString();
  }

  private static boolean isSensitive(String query, int offset, int length) {
    for (String name : SENSITIVE_QUERY_PARAMETERS) {
      if (name.length() == length && query.regionMatches(true, offset, name, 0, length)) {
        return true;
      }
    }
    return false;
  }
}
