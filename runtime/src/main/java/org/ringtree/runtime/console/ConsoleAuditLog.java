package org.ringtree.runtime.console;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ringtree.editor.admin.AuditPort;
import org.ringtree.runtime.audit.AuditLogStore;
import org.ringtree.runtime.audit.AuditQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** The audit screen over the same log /api/audit searches; admin and compliance only, as there. */
@Component
@PreAuthorize("hasAnyRole('ADMIN', 'COMPLIANCE')")
class ConsoleAuditLog implements AuditPort {

  private final AuditLogStore audit;

  ConsoleAuditLog(AuditLogStore audit) {
    this.audit = audit;
  }

  @Override
  public List<Row> page(Search search, int offset, int limit) {
    return audit.search(query(search, limit), offset, true).stream()
        .map(
            e ->
                new Row(
                    e.id(),
                    e.at(),
                    e.actor(),
                    e.action(),
                    e.objectType(),
                    e.objectId(),
                    e.before() == null ? null : e.before().toString(),
                    e.after() == null ? null : e.after().toString()))
        .toList();
  }

  @Override
  public int count(Search search) {
    return audit.count(query(search, 1));
  }

  @Override
  public void exportCsv(Search search, OutputStream out) {
    audit.writeCsv(
        query(search, AuditQuery.MAX_LIMIT), new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  private static AuditQuery query(Search s, int limit) {
    return new AuditQuery(
        s.objectType(), s.objectId(), s.actor(), s.action(), s.from(), s.to(), limit);
  }
}
