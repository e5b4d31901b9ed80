package org.ringtree.rules.flow;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.Schedule;

/**
 * One test of a condition node, typed. Built from a validated node's settings; the compiler turns
 * it into a rule plus a parameter fact that carries the operator's values as data.
 */
public record ConditionClause(
    Type type,
    String field,
    Comparison operator,
    String value,
    List<String> values,
    Schedule schedule,
    Integer windowDays,
    DuplicateRule.Basis basis) {

  /** What a clause looks at. */
  public enum Type {
    GEO,
    SCHEDULE,
    TAG,
    ANSWER,
    CALLER,
    HISTORY,
    /** The call's quality score, 0–100 (docs/score.md); an unscored call meets no score clause. */
    SCORE
  }

  public static final List<String> GEO_FIELDS = List.of("state", "zip", "areaCode");
  public static final List<String> CALLER_FIELDS =
      List.of("number", "state", "zip", "city", "areaCode", "country");

  public ConditionClause {
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** The attribute this clause compares, e.g. "caller.state", "tag.source", "answer.zip". */
  public String attributeKey() {
    return switch (type) {
      case GEO, CALLER -> "caller." + field;
      case TAG -> "tag." + field;
      case ANSWER -> "answer." + field;
      case SCORE -> "call.score";
      case SCHEDULE, HISTORY -> null;
    };
  }

  public BigDecimal number() {
    return NodeConfig.toDecimal(value);
  }

  /** Reads a clause from a node's settings; throws IllegalArgumentException naming the field. */
  public static ConditionClause parse(Map<String, Object> item) {
    String typeName = NodeConfig.itemString(item, "type");
    Type type;
    try {
      type = Type.valueOf(String.valueOf(typeName).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("type");
    }
    String op = NodeConfig.itemString(item, "operator");
    Comparison comparison;
    try {
      comparison = op == null ? Comparison.EQUALS : Comparison.fromJson(op);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("operator");
    }
    Schedule schedule = null;
    if (type == Type.SCHEDULE) {
      schedule = schedule(item);
    }
    Integer window = null;
    DuplicateRule.Basis basis = DuplicateRule.Basis.ANY_CALL;
    if (type == Type.HISTORY) {
      BigDecimal w = NodeConfig.itemDecimal(item, "windowDays");
      if (w == null || w.signum() <= 0 || w.scale() > 0 && w.stripTrailingZeros().scale() > 0) {
        throw new IllegalArgumentException("windowDays");
      }
      window = w.intValue();
      String b = NodeConfig.itemString(item, "basis");
      basis =
          switch (b == null ? "any" : b) {
            case "any" -> DuplicateRule.Basis.ANY_CALL;
            case "connected" -> DuplicateRule.Basis.CONNECTED;
            case "converted" -> DuplicateRule.Basis.CONVERTED;
            default -> throw new IllegalArgumentException("basis");
          };
    }
    return new ConditionClause(
        type,
        NodeConfig.itemString(item, "field"),
        comparison,
        NodeConfig.itemString(item, "value"),
        NodeConfig.itemStrings(item, "values"),
        schedule,
        window,
        basis);
  }

  private static Schedule schedule(Map<String, Object> item) {
    String tz = NodeConfig.itemString(item, "timezone");
    if (tz == null
        || !java.time.ZoneId.getAvailableZoneIds().contains(tz)
            && !"UTC".equals(tz)
            && !Schedule.CALLER.equals(tz)) {
      throw new IllegalArgumentException("timezone");
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String d : NodeConfig.itemStrings(item, "days")) {
      int i = NodeCatalog.DAYS.indexOf(d);
      if (i < 0) {
        throw new IllegalArgumentException("days");
      }
      days.add(DayOfWeek.of(i + 1));
    }
    LocalTime from = time(item, "from", LocalTime.MIDNIGHT);
    LocalTime to = time(item, "to", LocalTime.MIDNIGHT);
    Set<LocalDate> holidays = new TreeSet<>();
    for (String h : NodeConfig.itemStrings(item, "holidays")) {
      try {
        holidays.add(LocalDate.parse(h));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("holidays");
      }
    }
    return new Schedule(tz, List.of(new Schedule.OpenHours(days, from, to)), holidays);
  }

  private static LocalTime time(Map<String, Object> item, String name, LocalTime fallback) {
    String s = NodeConfig.itemString(item, name);
    if (s == null) {
      return fallback;
    }
    if (!s.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
      throw new IllegalArgumentException(name);
    }
    return LocalTime.parse(s);
  }
}
