package org.ringtree.rules.validation;

/**
 * A problem found in a flow, anchored to the node (null for the document itself) and the setting
 * (null for the node as a whole) so the editor can mark it. {@code code} is stable for tests and
 * translations; {@code message} is for people.
 */
public record Issue(Severity severity, String nodeId, String field, String code, String message) {

  public static Issue error(String nodeId, String field, String code, String message) {
    return new Issue(Severity.ERROR, nodeId, field, code, message);
  }

  public static Issue warning(String nodeId, String field, String code, String message) {
    return new Issue(Severity.WARNING, nodeId, field, code, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
