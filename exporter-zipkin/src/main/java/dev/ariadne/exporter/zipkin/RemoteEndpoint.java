package dev.ariadne.exporter.zipkin;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.SpanKind;
import java.util.Locale;

/**
 * Who is on the other side of a remote span, read from its attributes; one instance per thread,
 * filled by {@link #resolve} for each span.
 *
 * <p>Service name: {@code peer.service}; on CLIENT and PRODUCER spans {@code server.address}
 * when it is a host name. Address: the first IP literal among {@code network.peer.address} and
 * then {@code server.address} (CLIENT, PRODUCER) or {@code client.address} (SERVER, CONSUMER).
 * Port: {@code network.peer.port}, then {@code server.port} or {@code client.port} likewise.
 * INTERNAL spans have no remote endpoint.
 */
final class RemoteEndpoint {
  String serviceName;
  String ipv4;
  String ipv6;
  int port;

  /** Fills this endpoint from {@code span}'s attributes; false when there is nothing to say. */
  boolean resolve(SpanKind kind, Attributes attributes) {
    serviceName = null;
    ipv4 = null;
    ipv6 = null;
    port = 0;
    boolean outgoing = kind == SpanKind.CLIENT || kind == SpanKind.PRODUCER;
    boolean incoming = kind == SpanKind.SERVER || kind == SpanKind.CONSUMER;
    if (!(outgoing || incoming) || attributes == null) {
      return false;
    }
    String peerService = null;
    String peerAddress = null;
    String otherAddress = null;
    long peerPort = 0;
    long otherPort = 0;
    for (int i = 0, n = attributes.size(); i < n; i++) {
      String key = attributes.key(i);
      if (key == null) {
        continue;
      }
      Object value = attributes.value(i);
      switch (key) {
        case "peer.service":
          peerService = string(value, peerService);
          break;
        case "network.peer.address":
          peerAddress = string(value, peerAddress);
          break;
        case "network.peer.port":
          peerPort = number(value, peerPort);
          break;
        case "server.address":
          otherAddress = outgoing ? string(value, otherAddress) : otherAddress;
          break;
        case "server.port":
          otherPort = outgoing ? number(value, otherPort) : otherPort;
          break;
        case "client.address":
          otherAddress = incoming ? string(value, otherAddress) : otherAddress;
          break;
        case "client.port":
          otherPort = incoming ? number(value, otherPort) : otherPort;
          break;
        default:
          break;
      }
    }
    if (peerService != null) {
      serviceName = peerService;
    } else if (outgoing && otherAddress != null && IpLiteral.kind(otherAddress) == IpLiteral.NONE) {
      serviceName = otherAddress;
    }
    if (serviceName != null) {
      // Zipkin lowercases service names when it stores them; sending them so keeps both sides equal.
      serviceName = Text.wellFormed(serviceName).toLowerCase(Locale.ROOT);
    }
    if (!address(peerAddress) && otherAddress != null) {
      address(otherAddress);
    }
    port = validPort(peerPort) ? (int) peerPort : validPort(otherPort) ? (int) otherPort : 0;
    return serviceName != null || ipv4 != null || ipv6 != null || port != 0;
  }

  private boolean address(String candidate) {
    switch (IpLiteral.kind(candidate)) {
      case IpLiteral.V4:
        ipv4 = candidate;
        return true;
      case IpLiteral.V6:
        ipv6 = candidate;
        return true;
      default:
        return false;
    }
  }

  private static String string(Object value, String previous) {
    return value instanceof String && !((String) value).isBlank() ? (String) value : previous;
  }

  private static long number(Object value, long previous) {
    return value instanceof Long || value instanceof Integer ? ((Number) value).longValue() : previous;
  }

  private static boolean validPort(long port) {
    return port > 0 && port <= 65535;
  }
}
