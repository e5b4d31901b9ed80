package org.ringtree.runtime.call;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Calls not finished with — not ended, or ended and not settled — for the reconciler that finishes
 * them and for the eviction that keeps their flow versions loaded. Read only: {@link CallStore}
 * writes the calls, and each fix goes through it under the call's row lock.
 */
@Repository
@Store(reads = "calls")
public class UnsettledCallStore {

  private final JdbcClient jdbc;

  UnsettledCallStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The flow versions that calls not yet settled (in progress, or ended and not billed) run on. */
  public Set<Long> versionIdsOfUnsettledCalls() {
    return new HashSet<>(
        jdbc.sql(
                "SELECT DISTINCT flow_version_id FROM calls WHERE flow_version_id IS NOT NULL"
                    + " AND (ended_at IS NULL OR settled_at IS NULL)")
            .query(Long.class)
            .list());
  }

  /** Calls whose end is stored but that are not settled, oldest end first. */
  public List<UUID> endedNotSettled(int limit) {
    return jdbc.sql(
            "SELECT id FROM calls WHERE ended_at IS NOT NULL AND settled_at IS NULL"
                + " ORDER BY ended_at LIMIT ?")
        .param(limit)
        .query(UUID.class)
        .list();
  }

  /** A call whose end was never reported. */
  public record OpenCall(UUID id, String callSid, Instant startedAt) {}

  /** Calls started before {@code startedBefore} whose end was never reported, oldest first. */
  public List<OpenCall> notEnded(Instant startedBefore, int limit) {
    return jdbc.sql(
            "SELECT id, call_sid, started_at FROM calls WHERE ended_at IS NULL AND started_at < ?"
                + " ORDER BY started_at LIMIT ?")
        .params(Timestamp.from(startedBefore), limit)
        .query(
            (rs, i) ->
                new OpenCall(
                    rs.getObject("id", UUID.class),
                    rs.getString("call_sid"),
                    CallColumns.instant(rs, "started_at")))
        .list();
  }
}
