package org.ringtree.runtime.billing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: reconciliation reports. {@code GET /api/reports?by=publisher&period=day&from=2026-11-01
 * &to=2026-12-01} (JSON) and the same at {@code /api/reports/csv}. {@code from}/{@code to} are
 * dates or date-times in {@code tz} (default: the network's timezone), {@code to} exclusive;
 * without them, the last 30 days. {@code by=target} groups by the buyer's target; {@code
 * by=source-tag&tag=utm_source} by the value of a tracking number's source tag; {@code target} and
 * {@code tag}+{@code tag_value} filter.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  private final Reports reports;
  private final BillingProperties properties;

  ReportController(Reports reports, BillingProperties properties) {
    this.reports = reports;
    this.properties = properties;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  Reports.Report json(
      @RequestParam(defaultValue = "campaign") String by,
      @RequestParam(defaultValue = "day") String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String tz,
      @RequestParam(required = false) String campaign,
      @RequestParam(required = false) String publisher,
      @RequestParam(required = false) String buyer,
      @RequestParam(required = false) String vertical,
      @RequestParam(required = false) String number,
      @RequestParam(required = false) String target,
      @RequestParam(required = false) String tag,
      @RequestParam(name = "tag_value", required = false) String tagValue) {
    return reports.run(
        query(
            by, period, from, to, tz, campaign, publisher, buyer, vertical, number, target, tag,
            tagValue));
  }

  /** Streamed: lines go out as the database hands them over, never held whole in memory. */
  @GetMapping("/csv")
  void csv(
      @RequestParam(defaultValue = "campaign") String by,
      @RequestParam(defaultValue = "day") String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String tz,
      @RequestParam(required = false) String campaign,
      @RequestParam(required = false) String publisher,
      @RequestParam(required = false) String buyer,
      @RequestParam(required = false) String vertical,
      @RequestParam(required = false) String number,
      @RequestParam(required = false) String target,
      @RequestParam(required = false) String tag,
      @RequestParam(name = "tag_value", required = false) String tagValue,
      HttpServletResponse response)
      throws IOException {
    Reports.Query q =
        query(
            by, period, from, to, tz, campaign, publisher, buyer, vertical, number, target, tag,
            tagValue);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ReportCsv.fileName(q) + "\"");
    reports.csv(q, response.getWriter(), written -> {});
  }

  Reports.Query query(
      String by,
      String period,
      String from,
      String to,
      String tz,
      String campaign,
      String publisher,
      String buyer,
      String vertical,
      String number,
      String target,
      String tag,
      String tagValue) {
    ZoneId zone;
    try {
      zone = tz == null || tz.isBlank() ? properties.timezone() : ZoneId.of(tz);
    } catch (java.time.DateTimeException e) {
      throw new MoneyProblem(MoneyProblem.Kind.INVALID, "unknown timezone " + tz);
    }
    Instant end =
        to == null
            ? Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS)
            : instant(to, zone);
    Instant start = from == null ? end.minus(30, ChronoUnit.DAYS) : instant(from, zone);
    if (!start.isBefore(end)) {
      throw new MoneyProblem(MoneyProblem.Kind.INVALID, "from must be before to");
    }
    try {
      return new Reports.Query(
          parse(Reports.Dimension.class, by.replace('-', '_'), "by"),
          parse(Reports.Period.class, period, "period"),
          start,
          end,
          zone,
          campaign,
          publisher,
          buyer,
          vertical,
          number,
          target,
          tag,
          tagValue);
    } catch (IllegalArgumentException e) {
      throw new MoneyProblem(MoneyProblem.Kind.INVALID, e.getMessage());
    }
  }

  /** The report roll-up's resolution (migration V36). */
  private static final long QUARTER_HOUR_SECONDS = 15 * 60;

  private static Instant instant(String s, ZoneId zone) {
    try {
      LocalDateTime t =
          s.length() <= 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s);
      Instant at = t.atZone(zone).toInstant();
      if (at.getEpochSecond() % QUARTER_HOUR_SECONDS != 0) {
        throw new MoneyProblem(
            MoneyProblem.Kind.INVALID,
            s
                + " is not on a quarter hour (:00, :15, :30, :45): reports are kept in quarter hours");
      }
      return at;
    } catch (DateTimeParseException e) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID, "not a date (2026-11-25) or date-time: " + s);
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID,
          name
              + " must be one of "
              + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }
}
