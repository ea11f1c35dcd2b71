package dev.ariadne.core.resource;

import dev.ariadne.api.AttributeList;
import dev.ariadne.api.Attributes;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Properties;

/**
 * What produces the spans: a service and the process and host it runs in, as attributes such as
 * {@code service.name}, {@code host.name} and {@code process.pid}. Immutable.
 */
public final class Resource {
  /** The attribute naming the service; exporters map it to the backend's service. */
  public static final String SERVICE_NAME = "service.name";
  /** The service name used when none is configured, following the OpenTelemetry convention. */
  public static final String UNKNOWN_SERVICE = "unknown_service:java";

  private static final Resource EMPTY = new Resource(Attributes.empty());

  private final Attributes attributes;

  private Resource(Attributes attributes) {
    this.attributes = attributes;
  }

  /** A resource with exactly {@code attributes}. */
  public static Resource of(Attributes attributes) {
    return attributes == null || attributes.isEmpty() ? EMPTY : new Resource(Attributes.builder().putAll(attributes).build());
  }

  /** The empty resource. */
  public static Resource empty() {
    return EMPTY;
  }

  /**
   * What this process can tell about itself: {@code process.pid}, the Java runtime, the host name
   * (when it can be read without error), and {@code telemetry.sdk.*} naming Ariadne.
   */
  public static Resource detect() {
    AttributeList attributes = Attributes.builder()
        .put(SERVICE_NAME, UNKNOWN_SERVICE)
        .put("telemetry.sdk.name", "ariadne")
        .put("telemetry.sdk.language", "java")
        .put("telemetry.sdk.version", sdkVersion())
        .put("process.pid", ProcessHandle.current().pid())
        .put("process.runtime.name", System.getProperty("java.runtime.name", "java"))
        .put("process.runtime.version", System.getProperty("java.runtime.version", "unknown"));
    String host = hostName();
    if (host != null) {
      attributes.put("host.name", host);
    }
    return new Resource(attributes.build());
  }

  /** This resource's attributes with {@code other}'s added on top (other wins on equal keys). */
  public Resource merge(Resource other) {
    if (other == null || other.attributes.isEmpty()) {
      return this;
    }
    return new Resource(Attributes.builder().putAll(attributes).putAll(other.attributes).build());
  }

  /** The resource's attributes. */
  public Attributes attributes() {
    return attributes;
  }

  /** The {@code service.name} attribute, or {@value #UNKNOWN_SERVICE}. */
  public String serviceName() {
    Object name = attributes.get(SERVICE_NAME);
    return name instanceof String ? (String) name : UNKNOWN_SERVICE;
  }

  /** Ariadne's version, as built into the jar. */
  public static String sdkVersion() {
    try (InputStream in = Resource.class.getResourceAsStream("/dev/ariadne/core/version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      }
    } catch (IOException ignored) {
      // fall through: the version is informative only
    }
    return "unknown";
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resource && ((Resource) o).attributes.equals(attributes);
  }

  @Override
  public int hashCode() {
    return attributes.hashCode();
  }

  @Override
  public String toString() {
    return "Resource" + attributes;
  }
}
