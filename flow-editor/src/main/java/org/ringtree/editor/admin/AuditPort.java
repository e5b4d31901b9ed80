package org.ringtree.editor.admin;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/** The audit log as /api/audit searches and exports it. */
public interface AuditPort {

  /**
   * Every criterion optional: {@code actor}, {@code objectType} and {@code objectId} match exactly,
   * {@code action} by prefix; {@code from} inclusive, {@code to} exclusive.
   */
  record Search(
      String actor, String action, String objectType, String objectId, Instant from, Instant to) {

    public static Search everything() {
      return new Search(null, null, null, null, null, null);
    }
  }

  record Row(
      long id,
      Instant at,
      String actor,
      String action,
      String objectType,
      String objectId,
      String before,
      String after) {}

  /** One page, newest first. */
  List<Row> page(Search search, int offset, int limit);

  int count(Search search);

  /** The whole matching log as CSV (oldest first, as the REST export), written as it is read. */
  void exportCsv(Search search, OutputStream out);
}
