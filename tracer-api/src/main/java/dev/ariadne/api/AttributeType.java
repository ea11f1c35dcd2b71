package dev.ariadne.api;

/** The type of an attribute value: a scalar or a homogeneous list of scalars. */
public enum AttributeType {
  STRING,
  BOOLEAN,
  LONG,
  DOUBLE,
  STRING_ARRAY,
  BOOLEAN_ARRAY,
  LONG_ARRAY,
  DOUBLE_ARRAY;

  /** Whether values of this type are lists. */
  public boolean isArray() {
    return ordinal() >= STRING_ARRAY.ordinal();
  }
}
