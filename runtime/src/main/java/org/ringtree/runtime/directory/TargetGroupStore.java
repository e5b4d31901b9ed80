package org.ringtree.runtime.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ringtree.rules.directory.TargetGroup;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.directory.VersionedRows.RowKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Target groups and their members in order, saved and audited as one entry. */
@Repository
@Store(owns = {"target_groups", "target_group_members"})
public class TargetGroupStore {

  /** The audit shows a group with its members in order. */
  private static final RowKind GROUP =
      new RowKind(
          "target-group",
          "target_groups",
          "id",
          " || jsonb_build_object('members', (SELECT coalesce(jsonb_agg(m.target_id ORDER BY"
              + " m.priority), '[]'::jsonb) FROM target_group_members m WHERE m.group_id ="
              + " r.id))");

  private final JdbcClient jdbc;
  private final VersionedRows rows;

  TargetGroupStore(JdbcClient jdbc, VersionedRows rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  public void save(TargetGroup g) {
    save(g, null);
  }

  /** As {@link DirectoryStore#save(org.ringtree.rules.directory.Vertical, Long)}, for a group. */
  @Transactional
  public long save(TargetGroup g, Long expectedVersion) {
    String before = rows.lockedRow(GROUP, g.id());
    int updated =
        jdbc.sql(
                "INSERT INTO target_groups (id, name) VALUES (?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                    + GROUP.checkedUpdate())
            .params(g.id(), g.name(), expectedVersion, expectedVersion)
            .update();
    if (updated == 0) {
      throw rows.stale(GROUP, g.id(), expectedVersion);
    }
    jdbc.sql("DELETE FROM target_group_members WHERE group_id = ?").param(g.id()).update();
    int priority = 1;
    for (String targetId : g.targetIds()) {
      jdbc.sql("INSERT INTO target_group_members (group_id, target_id, priority) VALUES (?, ?, ?)")
          .params(g.id(), targetId, priority++)
          .update();
    }
    return rows.saved(GROUP, g.id(), before, updated, expectedVersion);
  }

  /** Every group with its members in priority order, as the directory snapshot holds them. */
  List<TargetGroup> all() {
    Map<String, List<String>> members = new TreeMap<>();
    jdbc.sql(
            "SELECT group_id, target_id FROM target_group_members ORDER BY group_id, priority,"
                + " target_id")
        .query(
            (rs, i) ->
                members
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(rs.getString(2)))
        .list();
    return jdbc.sql("SELECT id, name FROM target_groups")
        .query(
            (rs, i) ->
                new TargetGroup(
                    rs.getString(1),
                    rs.getString(2),
                    members.getOrDefault(rs.getString(1), List.of())))
        .list();
  }
}
