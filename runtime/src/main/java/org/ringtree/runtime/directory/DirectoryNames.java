package org.ringtree.runtime.directory;

import java.util.List;
import java.util.Optional;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Directory entries by id and name for pick lists (the call log's filters, the flow editor's
 * references): searched and paged by the database, so a list stays fast with ten thousand targets.
 */
@Repository
@Store(
    reads = {
      "campaigns",
      "publishers",
      "buyers",
      "targets",
      "target_groups",
      "target_group_members",
      "tracking_numbers"
    })
public class DirectoryNames {

  /** The names of the source tags any tracking number carries, sorted (for report pick lists). */
  public List<String> sourceTagKeys() {
    return jdbc.sql(
            "SELECT DISTINCT k FROM tracking_numbers, jsonb_object_keys(source_tags) k ORDER BY k")
        .query(String.class)
        .list();
  }

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

  /** What the flow editor's reference fields pick from the database. */
  public enum Pickable {
    TARGET,
    GROUP,
    TRACKING_NUMBER
  }

  /** An entry to pick: its id, its name, and a line telling it from others of the same name. */
  public record Pick(String id, String label, String detail) {}

  /** Entries whose id, name or detail contains {@code text} as typed (any case), by label. */
  public List<Pick> picks(Pickable kind, String text, int offset, int limit) {
    return jdbc.sql(select(kind) + " ORDER BY 2, 1 LIMIT ? OFFSET ?")
        .params(text, text, text, limit, offset)
        .query((rs, i) -> new Pick(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  public int countPicks(Pickable kind, String text) {
    return jdbc.sql("SELECT count(*) FROM (" + select(kind) + ") s")
        .params(text, text, text)
        .query(Integer.class)
        .single();
  }

  public Optional<Pick> pick(Pickable kind, String id) {
    return jdbc.sql("SELECT * FROM (" + select(kind) + ") s WHERE s.id = ?")
        .params("", "", "", id)
        .query((rs, i) -> new Pick(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  /** The ids of the named targets that exist and of every member of the named groups. */
  public List<String> targetIds(List<String> targetIds, List<String> groupIds) {
    return jdbc.sql(
            "SELECT id FROM targets WHERE id = ANY(?) UNION SELECT target_id FROM"
                + " target_group_members WHERE group_id = ANY(?)")
        .params(targetIds.toArray(String[]::new), groupIds.toArray(String[]::new))
        .query(String.class)
        .list();
  }

  /** A query with three text parameters, matched as plain substrings (no LIKE wildcards). */
  private static String select(Pickable kind) {
    String matches =
        " WHERE (position(lower(?) in lower(%1$s)) > 0 OR position(lower(?) in lower(%2$s)) > 0"
            + " OR position(lower(?) in lower(%3$s)) > 0)";
    return switch (kind) {
      case TARGET ->
          "SELECT t.id AS id, t.name AS label, b.name || ' · ' || t.kind || CASE WHEN t.enabled"
              + " THEN '' ELSE ' · disabled' END AS detail FROM targets t JOIN buyers b ON b.id ="
              + " t.buyer_id"
              + matches.formatted("t.id", "t.name", "b.name");
      case GROUP ->
          "SELECT g.id AS id, g.name AS label, (SELECT count(*) FROM target_group_members m"
              + " WHERE m.group_id = g.id) || ' targets' AS detail FROM target_groups g"
              + matches.formatted("g.id", "g.name", "g.id");
      case TRACKING_NUMBER ->
          "SELECT n.number AS id, n.number AS label, c.name || ' · ' || p.name AS detail FROM"
              + " tracking_numbers n JOIN campaigns c ON c.id = n.campaign_id JOIN publishers p"
              + " ON p.id = n.publisher_id"
              + matches.formatted("n.number", "c.name", "p.name");
    };
  }
}
