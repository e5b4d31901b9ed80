package org.ringtree.rules.flow;

/** The type of a node setting; the editor picks its input widget from it. */
public enum FieldType {
  /** One line of text. */
  STRING,
  /** Several lines of text (prompts). */
  TEXT,
  INTEGER,
  /** A decimal number, e.g. a price; read as BigDecimal. */
  DECIMAL,
  BOOLEAN,
  /** One of {@link FieldSpec#allowed()}. */
  ENUM,
  /** A list of strings. */
  STRING_LIST,
  /** An http(s) URL. */
  URL,
  /** An IANA timezone id, e.g. America/Chicago. */
  TIMEZONE,
  /** A local time, HH:mm. */
  TIME,
  /** A list of ISO dates (yyyy-MM-dd). */
  DATE_LIST,
  /** Ids of directory targets. */
  TARGET_REFS,
  /** Ids of directory target groups. */
  GROUP_REFS,
  /** The id of a registered connector (Camel route). */
  CONNECTOR_REF,
  /** A string-to-string map (tag mappings). */
  KEY_VALUE,
  /** A list of objects, each described by {@link FieldSpec#itemFields()}. */
  OBJECT_LIST
}
