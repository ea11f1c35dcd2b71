package dev.ariadne.core.export;

import java.util.Objects;

/** The library or code area that created a span: the name (and version) a tracer was asked for. */
public final class InstrumentationScope {
  private final String name;
  private final String version;

  private InstrumentationScope(String name, String version) {
    this.name = name;
    this.version = version;
  }

  /** A scope named {@code name}, with an optional {@code version} (null for none). */
  public static InstrumentationScope of(String name, String version) {
    return new InstrumentationScope(name == null || name.isBlank() ? "unknown" : name, version);
  }

  /** The scope's name. */
  public String name() {
    return name;
  }

  /** The scope's version, or null. */
  public String version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InstrumentationScope
        && ((InstrumentationScope) o).name.equals(name)
        && Objects.equals(((InstrumentationScope) o).version, version);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Objects.hashCode(version);
  }

  @Override
  public String toString() {
    return version == null ? name : name + ':' + version;
  }
}
