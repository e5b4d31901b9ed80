package org.ringtree.runtime.console;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.ringtree.editor.reports.ReportQuery;
import org.ringtree.editor.reports.ReportsPort;
import org.ringtree.editor.reports.StatementQuery;
import org.ringtree.runtime.billing.BillingProperties;
import org.ringtree.runtime.billing.Reconciliations;
import org.ringtree.runtime.billing.ReportCsv;
import org.ringtree.runtime.billing.ReportRow;
import org.ringtree.runtime.billing.Reports;
import org.ringtree.runtime.directory.DirectoryNames;
import org.springframework.stereotype.Component;

/**
 * The reports screens' port: reports and their streamed CSV from {@link Reports} (the same numbers
 * and file as {@code /api/reports}), statements from {@link Reconciliations} (the ledger).
 */
@Component
class ConsoleReports implements ReportsPort {

  private static final int MAX_NAMES = 10_000;
  static final String STATEMENT_HEADER =
      "party_id,party_name,currency,calls,billable,base,adjustments,disputes,dispute_credits,net";

  private final Reports reports;
  private final Reconciliations reconciliations;
  private final BillingProperties billing;
  private final DirectoryNames names;

  ConsoleReports(
      Reports reports,
      Reconciliations reconciliations,
      BillingProperties billing,
      DirectoryNames names) {
    this.reports = reports;
    this.reconciliations = reconciliations;
    this.billing = billing;
    this.names = names;
  }

  @Override
  public java.time.ZoneId networkZone() {
    return billing.timezone();
  }

  @Override
  public Result run(ReportQuery query) {
    Reports.Report r = reports.run(query(query));
    return new Result(
        r.rows().stream().map(ConsoleReports::line).toList(),
        r.totals().stream().map(ConsoleReports::line).toList());
  }

  @Override
  public long exportCsv(ReportQuery query, OutputStream out, LongConsumer written)
      throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    long n = reports.csv(query(query), w, written);
    w.flush();
    return n;
  }

  @Override
  public Map<String, String> names(Named kind) {
    DirectoryNames.Kind k =
        switch (kind) {
          case CAMPAIGN -> DirectoryNames.Kind.CAMPAIGN;
          case PUBLISHER -> DirectoryNames.Kind.PUBLISHER;
          case BUYER -> DirectoryNames.Kind.BUYER;
          case TARGET -> DirectoryNames.Kind.TARGET;
        };
    Map<String, String> out = new HashMap<>();
    names.search(k, "", 0, MAX_NAMES).forEach(n -> out.put(n.id(), n.name()));
    return out;
  }

  @Override
  public List<String> sourceTagKeys() {
    return names.sourceTagKeys();
  }

  @Override
  public List<Statement> statements(StatementQuery q) {
    return reconciliations.lines(party(q.party()), q.partyId(), q.start(), q.end()).stream()
        .map(
            l ->
                new Statement(
                    l.partyId(),
                    l.currency(),
                    l.calls(),
                    l.billable(),
                    l.base(),
                    l.adjustments(),
                    l.disputes(),
                    l.disputeCredits(),
                    l.net()))
        .toList();
  }

  @Override
  public void statementsCsv(StatementQuery q, OutputStream out) throws IOException {
    Map<String, String> named = names(q.party() == Party.BUYER ? Named.BUYER : Named.PUBLISHER);
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.write(STATEMENT_HEADER);
    w.write("\r\n");
    for (Statement s : statements(q)) {
      w.write(
          String.join(
              ",",
              ReportCsv.text(s.partyId()),
              ReportCsv.text(named.getOrDefault(s.partyId(), "")),
              s.currency(),
              Long.toString(s.calls()),
              Long.toString(s.billable()),
              s.base().toPlainString(),
              s.adjustments().toPlainString(),
              Long.toString(s.disputes()),
              s.disputeCredits().toPlainString(),
              s.net().toPlainString()));
      w.write("\r\n");
    }
    w.flush();
  }

  private static Reconciliations.Party party(Party p) {
    return p == Party.BUYER ? Reconciliations.Party.BUYER : Reconciliations.Party.PUBLISHER;
  }

  private static Reports.Query query(ReportQuery q) {
    return new Reports.Query(
        Reports.Dimension.valueOf(q.by().name()),
        Reports.Period.valueOf(q.bucket().name()),
        q.start(),
        q.end(),
        q.zone(),
        q.campaign(),
        q.publisher(),
        q.buyer(),
        q.vertical(),
        q.number(),
        q.target(),
        q.tag(),
        q.tagValue());
  }

  private static Line line(ReportRow r) {
    return new Line(
        r.key(),
        r.period(),
        r.currency(),
        r.calls(),
        r.connected(),
        r.billable(),
        r.duplicates(),
        r.converted(),
        r.revenue(),
        r.payout(),
        r.margin(),
        r.cost(),
        r.profit());
  }
}
