package org.ringtree.runtime.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsCsvTest {

  @Test
  void cellsThatASpreadsheetWouldEvaluateAreDefusedAndQuoted() {
    assertThat(ReportCsv.text("+18885550101")).isEqualTo("'+18885550101");
    assertThat(ReportCsv.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(ReportCsv.text("acme, inc")).isEqualTo("\"acme, inc\"");
    assertThat(ReportCsv.text("sunrise-media")).isEqualTo("sunrise-media");
  }

  @Test
  void rowsDeriveMarginRevenuePerCallAndConversionRateExactly() {
    ReportRow r =
        ReportRow.of(
            "acme-law",
            null,
            "USD",
            3,
            3,
            2,
            0,
            1,
            new BigDecimal("500.00"),
            new BigDecimal("400.01"));
    assertThat(r.margin()).isEqualByComparingTo("99.99");
    assertThat(r.revenuePerCall()).isEqualByComparingTo("166.67");
    assertThat(r.conversionRate()).isEqualByComparingTo("0.3333");
    ReportRow empty =
        ReportRow.of("", null, "USD", 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    assertThat(empty.revenuePerCall()).isEqualByComparingTo("0");
  }

  @Test
  void csvHasOneLinePerRowAndATotalLine() {
    ReportRow row =
        ReportRow.of(
            "+18885550101",
            LocalDateTime.parse("2026-11-25T00:00"),
            "USD",
            1,
            1,
            1,
            0,
            0,
            new BigDecimal("250.00"),
            new BigDecimal("200.00"));
    Reports.Query q =
        new Reports.Query(
            Reports.Dimension.TRACKING_NUMBER,
            Reports.Period.DAY,
            Instant.EPOCH,
            Instant.EPOCH.plusSeconds(3600),
            ZoneId.of("UTC"),
            null,
            null,
            null,
            null,
            null);
    String csv = ReportCsv.csv(new Reports.Report(q, List.of(row), List.of(row)));
    assertThat(csv.split("\r\n"))
        .containsExactly(
            ReportCsv.HEADER,
            "'+18885550101,2026-11-25T00:00,USD,1,1,1,0,0,250.00,200.00,50.00,0.00,50.00,250.00,0.0000",
            "TOTAL,,USD,1,1,1,0,0,250.00,200.00,50.00,0.00,50.00,250.00,0.0000");
  }
}
