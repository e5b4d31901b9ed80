package org.ringtree.editor.reports;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reconciliation grid's and print page's presenter: which columns a statement has for a
 * publisher or a buyer (payout or revenue), each cell's text with exact money. Plain Java.
 */
public final class Statements {

  /** One column: id for tests, header, the cell. */
  public record Column(String id, String header, Function<ReportsPort.Statement, String> cell) {}

  private final StatementQuery query;
  private final Map<String, String> names;

  public Statements(StatementQuery query, Map<String, String> names) {
    this.query = query;
    this.names = names;
  }

  public List<Column> columns() {
    boolean buyer = query.party() == ReportsPort.Party.BUYER;
    return List.of(
        new Column("party", buyer ? "Buyer" : "Publisher", this::party),
        new Column("calls", "Calls", s -> Long.toString(s.calls())),
        new Column("billable", buyer ? "Billable" : "Payable", s -> Long.toString(s.billable())),
        new Column("base", buyer ? "Revenue" : "Payout", s -> Money.of(s.base(), s.currency())),
        new Column("adjustments", "Adjustments", s -> Money.of(s.adjustments(), s.currency())),
        new Column("disputes", "Disputes", s -> Long.toString(s.disputes())),
        new Column(
            "dispute-credits",
            buyer ? "Dispute credits" : "Dispute clawbacks",
            s -> Money.of(s.disputeCredits(), s.currency())),
        new Column("net", "Net", s -> Money.of(s.net(), s.currency())));
  }

  /** The party by name and id. */
  public String party(ReportsPort.Statement s) {
    String name = names.get(s.partyId());
    return name == null || name.equals(s.partyId()) ? s.partyId() : name + " (" + s.partyId() + ")";
  }

  /** "Publisher statement, 2026-11-23 – 2026-11-29 (America/New_York)". */
  public String title() {
    return (query.party() == ReportsPort.Party.BUYER ? "Buyer" : "Publisher")
        + " statement, "
        + query.from()
        + " – "
        + query.to()
        + " ("
        + query.zone().getId()
        + ")";
  }
}
