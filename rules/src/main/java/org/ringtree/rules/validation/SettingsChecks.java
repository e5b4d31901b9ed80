package org.ringtree.rules.validation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ringtree.rules.directory.Schedule;
import org.ringtree.rules.flow.FieldSpec;
import org.ringtree.rules.flow.FieldType;
import org.ringtree.rules.flow.FlowJson;

/**
 * Checks a node's settings against its kind's schema: presence, types, lengths, bounds, formats.
 */
public final class SettingsChecks {

  private final IssueSink issues;

  SettingsChecks(IssueSink issues) {
    this.issues = issues;
  }

  void check(String node, String prefix, List<FieldSpec> fields, Map<String, Object> values) {
    Map<String, FieldSpec> byName = new HashMap<>();
    fields.forEach(f -> byName.put(f.name(), f));
    for (String key : values.keySet()) {
      if (!byName.containsKey(key)) {
        issues.warn(
            node,
            prefix + key,
            "setting.unknown",
            "Unknown setting " + FlowJson.quote(key) + " is ignored.");
      }
    }
    for (FieldSpec f : fields) {
      String name = prefix + f.name();
      Object v = values.get(f.name());
      if (v == null || v instanceof String s && s.isEmpty() && f.type() != FieldType.ENUM) {
        if (f.required()) {
          issues.error(node, name, "setting.required", f.label() + " is required.");
        }
        continue;
      }
      checkValue(node, name, f, v);
    }
  }

  @SuppressWarnings("unchecked")
  private void checkValue(String node, String name, FieldSpec f, Object v) {
    switch (f.type()) {
      case STRING, TEXT, URL, TIMEZONE, TIME, CONNECTOR_REF -> text(node, name, f, v);
      case ENUM -> {
        if (!(v instanceof String s) || !f.allowed().contains(s)) {
          issues.error(
              node,
              name,
              "setting.allowed",
              f.label() + " must be one of " + String.join(", ", f.allowed()) + ".");
        }
      }
      case INTEGER -> {
        if (!(v instanceof Long l)) {
          typeError(node, name, f, "a whole number");
          return;
        }
        if (f.min() != null && l < f.min() || f.max() != null && l > f.max()) {
          issues.error(
              node,
              name,
              "setting.range",
              f.label() + " must be between " + f.min() + " and " + f.max() + ".");
        }
      }
      case DECIMAL -> {
        BigDecimal d =
            v instanceof String s
                ? parseDecimal(s)
                : v instanceof Number ? new BigDecimal(v.toString()) : null;
        if (d == null) {
          typeError(node, name, f, "a number");
        } else if (d.signum() < 0) {
          issues.error(node, name, "setting.range", f.label() + " must not be negative.");
        } else if (d.compareTo(new BigDecimal("1000000")) > 0) {
          issues.error(node, name, "setting.range", f.label() + " is implausibly large.");
        }
      }
      case BOOLEAN -> {
        if (!(v instanceof Boolean)) {
          typeError(node, name, f, "true or false");
        }
      }
      case STRING_LIST, TARGET_REFS, GROUP_REFS, DATE_LIST -> list(node, name, f, v);
      case KEY_VALUE -> {
        if (!(v instanceof Map<?, ?> m)
            || m.values().stream().anyMatch(o -> !(o instanceof String))) {
          typeError(node, name, f, "a map of texts");
          return;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (!IssueSink.NAME.matcher((String) e.getKey()).matches()
              || !IssueSink.NAME.matcher((String) e.getValue()).matches()) {
            issues.error(
                node,
                name,
                "setting.name",
                "Mapping names use letters, digits, '.', '-' and '_': "
                    + FlowJson.quote((String) e.getKey()));
          }
        }
      }
      case OBJECT_LIST -> {
        if (!(v instanceof List<?> l) || l.stream().anyMatch(o -> !(o instanceof Map))) {
          typeError(node, name, f, "a list of objects");
          return;
        }
        if (l.size() > 200) {
          issues.error(node, name, "setting.tooLong", f.label() + " has more than 200 entries.");
          return;
        }
        if (f.required() && l.isEmpty()) {
          issues.error(node, name, "setting.required", f.label() + " needs at least one entry.");
        }
        for (int i = 0; i < l.size(); i++) {
          check(node, name + "[" + i + "].", f.itemFields(), (Map<String, Object>) l.get(i));
        }
      }
    }
  }

  private void text(String node, String name, FieldSpec f, Object v) {
    if (!(v instanceof String s)) {
      typeError(node, name, f, "text");
      return;
    }
    if (s.length() > f.maxLength()) {
      issues.error(
          node,
          name,
          "setting.tooLong",
          f.label() + " is longer than " + f.maxLength() + " characters.");
      return;
    }
    if (f.type() == FieldType.URL && !isHttpUrl(s)) {
      issues.error(node, name, "setting.url", f.label() + " must be an http(s) URL.");
    }
    if (f.type() == FieldType.TIMEZONE && !isZone(s) && !Schedule.CALLER.equals(s)) {
      issues.error(node, name, "setting.timezone", "Unknown timezone " + FlowJson.quote(s) + ".");
    }
    if (f.type() == FieldType.TIME && !s.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
      issues.error(node, name, "setting.time", f.label() + " must be a time HH:mm.");
    }
  }

  private void list(String node, String name, FieldSpec f, Object v) {
    if (!(v instanceof List<?> l) || l.stream().anyMatch(o -> !(o instanceof String))) {
      typeError(node, name, f, "a list of texts");
      return;
    }
    if (l.size() > 1000) {
      issues.error(node, name, "setting.tooLong", f.label() + " has more than 1000 entries.");
    }
    for (Object o : l) {
      if (((String) o).length() > f.maxLength()) {
        issues.error(node, name, "setting.tooLong", f.label() + " has an entry that is too long.");
        return;
      }
      if (f.type() == FieldType.DATE_LIST && !isDate((String) o)) {
        issues.error(
            node, name, "setting.date", "Not a date (yyyy-MM-dd): " + FlowJson.quote((String) o));
      }
    }
  }

  private void typeError(String node, String name, FieldSpec f, String expected) {
    issues.error(node, name, "setting.type", f.label() + " must be " + expected + ".");
  }

  /** An IANA region zone ("America/Chicago") or UTC; bare abbreviations are refused. */
  public static boolean isZone(String s) {
    try {
      ZoneId.of(s);
      return s.contains("/") || s.equals("UTC");
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean isDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean isHttpUrl(String s) {
    try {
      URI u = new URI(s);
      return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static BigDecimal parseDecimal(String s) {
    return s.matches("-?[0-9]{1,12}(\\.[0-9]{1,6})?") ? new BigDecimal(s) : null;
  }
}
