package org.ringtree.runtime.call;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A call log request as text (the REST API's query parameters, the console's filter fields) turned
 * into a store filter, a cursor and a page size. One parser for both, so the console refuses
 * exactly what the API refuses, in the same words, naming the same parameter.
 *
 * <p>{@code from} and {@code to} are instants with an offset ({@code 2026-12-05T14:00:00Z}), or
 * dates or date-times read in {@code tz} (an IANA zone, default UTC). A date {@code to} includes
 * that whole day; an instant or date-time {@code to} is exclusive.
 */
public record CallLogQuery(CallLogStore.Filter filter, CallLogStore.Cursor cursor, int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 500;

  /** Every parameter the call log takes, in the order the docs list them. */
  public static final List<String> PARAMETERS =
      List.of(
          "from",
          "to",
          "tz",
          "campaign",
          "publisher",
          "buyer",
          "target",
          "number",
          "caller",
          "status",
          "billable",
          "duplicate",
          "recording",
          "qualified",
          "connected",
          "converted",
          "cursor",
          "limit");

  private static final Set<String> KNOWN = Set.copyOf(PARAMETERS);
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
  private static final Pattern STATUS = Pattern.compile("[a-z][a-z-]{0,39}");

  /** A parameter that cannot be used, and why in words an operator can act on. */
  public static final class BadParameter extends RuntimeException {
    private final String parameter;

    public BadParameter(String parameter, String message) {
      super(parameter + ": " + message);
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }
  }

  /** Reads the parameters; blank values do not filter. */
  public static CallLogQuery parse(Map<String, String> raw) {
    Map<String, String> p = new LinkedHashMap<>();
    raw.forEach(
        (k, v) -> {
          if (!KNOWN.contains(k)) {
            throw new BadParameter(k, "unknown parameter; the call log takes " + PARAMETERS);
          }
          if (v != null && !v.isBlank()) {
            p.put(k, v.strip());
          }
        });
    ZoneId zone = zone(p.get("tz"));
    Instant from = time("from", p.get("from"), zone, false);
    Instant to = time("to", p.get("to"), zone, true);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new BadParameter("to", "must be after from");
    }
    CallLogStore.Filter filter =
        new CallLogStore.Filter(
            from,
            to,
            id("campaign", p.get("campaign")),
            id("publisher", p.get("publisher")),
            id("buyer", p.get("buyer")),
            id("target", p.get("target")),
            phone("number", p.get("number")),
            phone("caller", p.get("caller")),
            statuses(p.get("status")),
            bool("billable", p.get("billable")),
            bool("duplicate", p.get("duplicate")),
            bool("recording", p.get("recording")),
            bool("qualified", p.get("qualified")),
            bool("connected", p.get("connected")),
            bool("converted", p.get("converted")));
    return new CallLogQuery(filter, cursor(p.get("cursor")), limit(p.get("limit")));
  }

  /** The text form of a cursor, as the API's {@code next} carries it. */
  public static String encode(CallLogStore.Cursor cursor) {
    if (cursor == null) {
      return null;
    }
    String text = cursor.startedAt() + "~" + cursor.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static CallLogStore.Cursor cursor(String text) {
    if (text == null) {
      return null;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int tilde = decoded.indexOf('~');
      return new CallLogStore.Cursor(
          Instant.parse(decoded.substring(0, tilde)),
          UUID.fromString(decoded.substring(tilde + 1)));
    } catch (IllegalArgumentException | DateTimeException | StringIndexOutOfBoundsException e) {
      throw new BadParameter("cursor", "not a cursor from this API (use the next value as given)");
    }
  }

  private static ZoneId zone(String tz) {
    if (tz == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw new BadParameter(
          "tz", "unknown time zone " + tz + " (use an IANA name like America/New_York)");
    }
  }

  private static Instant time(String name, String s, ZoneId zone, boolean end) {
    if (s == null) {
      return null;
    }
    try {
      if (s.length() == 10) {
        LocalDate day = LocalDate.parse(s);
        return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
      }
      if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(s).toInstant();
      }
      return LocalDateTime.parse(s).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadParameter(
          name,
          "not a date (2026-12-05), date-time (2026-12-05T14:30) or instant"
              + " (2026-12-05T14:30:00Z): "
              + s);
    }
  }

  private static String id(String name, String s) {
    if (s != null && !ID.matcher(s).matches()) {
      throw new BadParameter(name, "not a directory id: " + s);
    }
    return s;
  }

  private static String phone(String name, String s) {
    if (s != null && !E164.matcher(s).matches()) {
      throw new BadParameter(name, "a phone number is E.164, such as +18885550101; got " + s);
    }
    return s;
  }

  private static List<String> statuses(String s) {
    if (s == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String one : s.split(",")) {
      String status = one.strip();
      if (!STATUS.matcher(status).matches()) {
        throw new BadParameter(
            "status", "not a call status (such as completed, in-ivr, no-answer): " + status);
      }
      out.add(status);
    }
    return out;
  }

  private static Boolean bool(String name, String s) {
    if (s == null) {
      return null;
    }
    return switch (s) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new BadParameter(name, "must be true or false; got " + s);
    };
  }

  private static int limit(String s) {
    if (s == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below, with the range
    }
    throw new BadParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT + "; got " + s);
  }
}
