package org.ringtree.runtime.directory;

import java.util.List;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Directory entries by id and name for pick lists (the call log's filters): searched and paged by
 * the database, so a list stays fast with ten thousand targets.
 */
@Repository
@Store(reads = {"campaigns", "publishers", "buyers", "targets"})
public class DirectoryNames {

  /** The directory tables a pick list may name. */
  public enum Kind {
    CAMPAIGN("campaigns"),
    PUBLISHER("publishers"),
    BUYER("buyers"),
    TARGET("targets");

    private final String table;

    Kind(String table) {
      this.table = table;
    }
  }

  public record Name(String id, String name) {}

  private final JdbcClient jdbc;

  DirectoryNames(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Entries whose id or name contains {@code text} (any case), by name. */
  public List<Name> search(Kind kind, String text, int offset, int limit) {
    String pattern =
        "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    // the table name comes from the enum, never from the request
    return jdbc.sql(
            "SELECT id, name FROM "
                + kind.table
                + " WHERE id ILIKE ? OR name ILIKE ? ORDER BY name, id LIMIT ? OFFSET ?")
        .params(pattern, pattern, limit, offset)
        .query((rs, i) -> new Name(rs.getString(1), rs.getString(2)))
        .list();
  }
}
