package org.ringtree.editor.reports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report as the screen and its URL hold it: grouping, bucket, the days [from, to] (both
 * inclusive) in a time zone, and optional filters. The URL's query string is this record, so a link
 * opens the same view; unknown or broken values fall back to the defaults rather than failing.
 */
public record ReportQuery(
    ReportsPort.GroupBy by,
    ReportsPort.Bucket bucket,
    LocalDate from,
    LocalDate to,
    ZoneId zone,
    String campaign,
    String publisher,
    String buyer,
    String vertical,
    String number,
    String target,
    String tag,
    String tagValue) {

  /** How far back a report without dates looks: the last seven days, today included. */
  static final int DEFAULT_DAYS = 7;

  public ReportQuery {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the first day must not be after the last");
    }
    if (by == ReportsPort.GroupBy.SOURCE_TAG && (tag == null || tag.isBlank())) {
      throw new IllegalArgumentException("choose the source tag to group by");
    }
  }

  /** A report without target or source tag filters. */
  public ReportQuery(
      ReportsPort.GroupBy by,
      ReportsPort.Bucket bucket,
      LocalDate from,
      LocalDate to,
      ZoneId zone,
      String campaign,
      String publisher,
      String buyer,
      String vertical,
      String number) {
    this(
        by, bucket, from, to, zone, campaign, publisher, buyer, vertical, number, null, null, null);
  }

  /** The default view: publishers by day over the last seven days in {@code zone}. */
  public static ReportQuery defaults(ZoneId zone, LocalDate today) {
    return new ReportQuery(
        ReportsPort.GroupBy.PUBLISHER,
        ReportsPort.Bucket.DAY,
        today.minusDays(DEFAULT_DAYS - 1),
        today,
        zone,
        null,
        null,
        null,
        null,
        null);
  }

  /** The first instant of the range: midnight of {@code from} in the zone. */
  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The instant after the range: midnight after {@code to} in the zone. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** The URL's query parameters for this report; empty filters left out. */
  public Map<String, List<String>> parameters() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("by", List.of(by.name().toLowerCase(Locale.ROOT)));
    p.put("period", List.of(bucket.name().toLowerCase(Locale.ROOT)));
    p.put("from", List.of(from.toString()));
    p.put("to", List.of(to.toString()));
    p.put("tz", List.of(zone.getId()));
    put(p, "campaign", campaign);
    put(p, "publisher", publisher);
    put(p, "buyer", buyer);
    put(p, "vertical", vertical);
    put(p, "number", number);
    put(p, "target", target);
    put(p, "tag", tag);
    put(p, "tag_value", tagValue);
    return p;
  }

  /** The report a URL's parameters describe, each missing or broken value from {@code base}. */
  public static ReportQuery fromParameters(Map<String, List<String>> p, ReportQuery base) {
    ZoneId zone = zone(first(p, "tz"), base.zone());
    LocalDate from = date(first(p, "from"), base.from());
    LocalDate to = date(first(p, "to"), base.to());
    if (to.isBefore(from)) {
      from = base.from();
      to = base.to();
    }
    String tag = first(p, "tag");
    ReportsPort.GroupBy by = value(ReportsPort.GroupBy.class, first(p, "by"), base.by());
    if (by == ReportsPort.GroupBy.SOURCE_TAG && tag == null) {
      by = base.by() == ReportsPort.GroupBy.SOURCE_TAG ? ReportsPort.GroupBy.PUBLISHER : base.by();
    }
    return new ReportQuery(
        by,
        value(ReportsPort.Bucket.class, first(p, "period"), base.bucket()),
        from,
        to,
        zone,
        first(p, "campaign"),
        first(p, "publisher"),
        first(p, "buyer"),
        first(p, "vertical"),
        first(p, "number"),
        first(p, "target"),
        tag,
        tag == null ? null : first(p, "tag_value"));
  }

  private static void put(Map<String, List<String>> p, String name, String value) {
    if (value != null && !value.isBlank()) {
      p.put(name, List.of(value));
    }
  }

  static String first(Map<String, List<String>> p, String name) {
    List<String> v = p.get(name);
    return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0).strip();
  }

  static ZoneId zone(String id, ZoneId otherwise) {
    try {
      return id == null ? otherwise : ZoneId.of(id);
    } catch (DateTimeException e) {
      return otherwise;
    }
  }

  static LocalDate date(String s, LocalDate otherwise) {
    try {
      return s == null ? otherwise : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return otherwise;
    }
  }

  private static <E extends Enum<E>> E value(Class<E> type, String s, E otherwise) {
    try {
      return s == null
          ? otherwise
          : Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return otherwise;
    }
  }
}
