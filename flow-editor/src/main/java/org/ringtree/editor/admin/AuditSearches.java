package org.ringtree.editor.admin;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Turns the audit screen's filter fields into a search: blanks ignored, times in the admin's zone.
 */
final class AuditSearches {

  record Parsed(AuditPort.Search search, String problem) {}

  private AuditSearches() {}

  static Parsed parse(
      String actor,
      String action,
      String objectType,
      String objectId,
      LocalDateTime from,
      LocalDateTime to,
      ZoneId zone) {
    Instant start = from == null ? null : from.atZone(zone).toInstant();
    Instant end = to == null ? null : to.atZone(zone).toInstant();
    if (start != null && end != null && !end.isAfter(start)) {
      return new Parsed(null, "\"Until\" must be later than \"From\"");
    }
    return new Parsed(
        new AuditPort.Search(
            clean(actor), clean(action), clean(objectType), clean(objectId), start, end),
        null);
  }

  static ZoneId zone(String id) {
    try {
      return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }

  private static String clean(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
