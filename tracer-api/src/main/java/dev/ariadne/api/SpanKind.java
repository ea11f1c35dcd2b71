package dev.ariadne.api;

/** The role a span plays in a request: its own work, or one side of a remote call or message. */
public enum SpanKind {
  /** Work inside one process (the default). */
  INTERNAL,
  /** The handling of a remote request by a server. */
  SERVER,
  /** A request to a remote server. */
  CLIENT,
  /** The sending of a message to a broker, handled later by a consumer. */
  PRODUCER,
  /** The handling of a message sent by a producer. */
  CONSUMER
}
