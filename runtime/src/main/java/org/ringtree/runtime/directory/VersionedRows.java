package org.ringtree.runtime.directory;

import java.util.Objects;
import java.util.Optional;
import org.ringtree.runtime.audit.AuditLogStore;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versioned save the directory stores share: an upsert counts its saves in {@code version} and
 * updates only a row still at the version the editor opened; the row is read (and locked) before
 * and after, so the audit log records what changed. It owns no table: it acts only on the row kind
 * its owning store hands it, whose {@code @Store} names that table.
 */
@Repository
@Store
class VersionedRows {

  /**
   * A kind of directory row: its audit type ("tracking-number"), table and key column (constants),
   * and what the audit shows beside the row's columns (a group's members), as SQL that adds to the
   * row's JSON ({@code r} is the row).
   */
  record RowKind(String type, String table, String key, String extraJson) {

    RowKind(String type, String table, String key) {
      this(type, table, key, "");
    }

    /**
     * The end of an upsert's ON CONFLICT clause: counts the save, and updates only a row still at
     * the expected version (the two parameters; null: any).
     */
    String checkedUpdate() {
      return (" version = %1$s.version + 1 WHERE ?::bigint IS NULL OR %1$s.version = ?::bigint")
          .formatted(table);
    }
  }

  private final JdbcClient jdbc;
  private final AuditLogStore audit;

  VersionedRows(JdbcClient jdbc, AuditLogStore audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The stored row as JSON text, without its creation time and save count; locks it. */
  String lockedRow(RowKind kind, String id) {
    return jdbc.sql(
            "SELECT ((to_jsonb(r) - 'created_at' - 'version')"
                + kind.extraJson()
                + ")::text FROM "
                + kind.table()
                + " r WHERE r."
                + kind.key()
                + " = ? FOR UPDATE")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /**
   * After an upsert: audits it and returns the version now stored.
   *
   * @throws StaleEntry when the upsert updated nothing (someone saved it since)
   */
  long saved(RowKind kind, String id, String before, int updated, Long expected) {
    if (updated == 0) {
      throw stale(kind, id, expected);
    }
    audited(kind, id, before, before == null ? "create" : "update");
    return version(kind.table(), kind.key(), id).orElseThrow();
  }

  StaleEntry stale(RowKind kind, String id, Long expected) {
    long stored = version(kind.table(), kind.key(), id).orElse(0L);
    return StaleEntry.of(kind.type().replace('-', ' '), id, expected, stored);
  }

  /**
   * Records "directory.{type}.{verb}" in the audit log when the row changed: the row before and
   * after, as stored.
   */
  void audited(RowKind kind, String id, String before, String verb) {
    String after = lockedRow(kind, id);
    if (Objects.equals(before, after)) {
      return;
    }
    audit.record(
        AuditLogStore.currentActor(),
        "directory." + kind.type() + "." + verb,
        kind.type(),
        id,
        AuditLogStore.parse(before),
        AuditLogStore.parse(after));
  }

  /** The stored save count of a row; table and key are constants. */
  Optional<Long> version(String table, String key, String id) {
    return jdbc.sql("SELECT version FROM " + table + " WHERE " + key + " = ?")
        .param(id)
        .query(Long.class)
        .optional();
  }
}
