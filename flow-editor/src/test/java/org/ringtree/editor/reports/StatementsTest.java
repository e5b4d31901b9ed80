package org.ringtree.editor.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementsTest {

  static final ReportsPort.Statement ACME =
      new ReportsPort.Statement(
          "acme-law",
          "USD",
          3,
          2,
          new BigDecimal("500.00"),
          new BigDecimal("-20.00"),
          1,
          new BigDecimal("-250.00"),
          new BigDecimal("230.00"));

  static Statements of(ReportsPort.Party party) {
    return new Statements(
        new StatementQuery(
            party,
            null,
            LocalDate.parse("2026-11-23"),
            LocalDate.parse("2026-11-29"),
            ZoneId.of("America/New_York")),
        Map.of("acme-law", "Acme Law"));
  }

  @Test
  void aBuyersStatementShowsRevenueAndCreditsAPublishersPayoutAndClawbacks() {
    assertThat(of(ReportsPort.Party.BUYER).columns())
        .extracting(Statements.Column::header)
        .containsExactly(
            "Buyer",
            "Calls",
            "Billable",
            "Revenue",
            "Adjustments",
            "Disputes",
            "Dispute credits",
            "Net");
    assertThat(of(ReportsPort.Party.PUBLISHER).columns())
        .extracting(Statements.Column::header)
        .contains("Publisher", "Payable", "Payout", "Dispute clawbacks");
  }

  @Test
  void cellsShowExactMoneyAndThePartyByName() {
    Statements s = of(ReportsPort.Party.BUYER);
    assertThat(s.columns())
        .extracting(c -> c.cell().apply(ACME))
        .containsExactly(
            "Acme Law (acme-law)",
            "3",
            "2",
            "500.00 USD",
            "-20.00 USD",
            "1",
            "-250.00 USD",
            "230.00 USD");
    assertThat(s.title()).isEqualTo("Buyer statement, 2026-11-23 – 2026-11-29 (America/New_York)");
  }

  @Test
  void lastWeekRunsMondayToSundayBeforeTheCurrentWeek() {
    StatementQuery q =
        StatementQuery.lastWeek(ZoneId.of("UTC"), LocalDate.parse("2026-12-06")); // a Sunday
    assertThat(q.from()).isEqualTo("2026-11-23");
    assertThat(q.to()).isEqualTo("2026-11-29");
    StatementQuery back = StatementQuery.fromParameters(q.parameters(), q);
    assertThat(back).isEqualTo(q);
  }
}
