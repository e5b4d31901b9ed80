package org.ringtree.editor.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whose statements over which days: a party kind, optionally one party, the days [from, to] (both
 * inclusive) in a time zone. The reconciliation screen's URL, its CSV and its print page all hold
 * this, so the page an operator prints is the one on screen.
 */
public record StatementQuery(
    ReportsPort.Party party, String partyId, LocalDate from, LocalDate to, ZoneId zone) {

  public StatementQuery {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the first day must not be after the last");
    }
  }

  /** Last week, Monday to Sunday, in {@code zone}: what is sent at a week's end. */
  public static StatementQuery lastWeek(ZoneId zone, LocalDate today) {
    LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L).minusWeeks(1);
    return new StatementQuery(ReportsPort.Party.PUBLISHER, null, monday, monday.plusDays(6), zone);
  }

  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public Map<String, List<String>> parameters() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("party", List.of(party.name().toLowerCase(Locale.ROOT)));
    if (partyId != null && !partyId.isBlank()) {
      p.put("id", List.of(partyId));
    }
    p.put("from", List.of(from.toString()));
    p.put("to", List.of(to.toString()));
    p.put("tz", List.of(zone.getId()));
    return p;
  }

  public static StatementQuery fromParameters(Map<String, List<String>> p, StatementQuery base) {
    ReportsPort.Party party = base.party();
    String kind = ReportQuery.first(p, "party");
    if (kind != null) {
      try {
        party = ReportsPort.Party.valueOf(kind.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // an unknown kind keeps the default
      }
    }
    LocalDate from = ReportQuery.date(ReportQuery.first(p, "from"), base.from());
    LocalDate to = ReportQuery.date(ReportQuery.first(p, "to"), base.to());
    if (to.isBefore(from)) {
      from = base.from();
      to = base.to();
    }
    return new StatementQuery(
        party,
        ReportQuery.first(p, "id"),
        from,
        to,
        ReportQuery.zone(ReportQuery.first(p, "tz"), base.zone()));
  }
}
