package org.ringtree.rules.fraud;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of a blocklist: a whole number (E.164), a number prefix, or a US area code, with the
 * operator's note (where the entry came from, e.g. a purchased litigator list).
 */
public record BlockEntry(Kind kind, String value, String note) {

  public enum Kind {
    NUMBER,
    PREFIX,
    AREA_CODE
  }

  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
  private static final Pattern PREFIX = Pattern.compile("\\+[1-9]\\d{0,13}");
  private static final Pattern AREA_CODE = Pattern.compile("[2-9]\\d{2}");

  public BlockEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    note = note == null ? "" : note;
    boolean ok =
        switch (kind) {
          case NUMBER -> E164.matcher(value).matches();
          case PREFIX -> PREFIX.matcher(value).matches();
          case AREA_CODE -> AREA_CODE.matcher(value).matches();
        };
    if (!ok) {
      throw new IllegalArgumentException(expected(kind) + ", not \"" + value + "\"");
    }
  }

  static String expected(Kind kind) {
    return switch (kind) {
      case NUMBER -> "a number is E.164, e.g. +15125550111";
      case PREFIX -> "a prefix is + and up to 14 digits, e.g. +1512555";
      case AREA_CODE -> "an area code is three digits, the first 2-9, e.g. 512";
    };
  }

  /** Whether a caller's E.164 number is caught by this entry. */
  public boolean catches(String e164) {
    if (e164 == null) {
      return false;
    }
    return switch (kind) {
      case NUMBER -> value.equals(e164);
      case PREFIX -> e164.startsWith(value);
      case AREA_CODE -> e164.startsWith("+1" + value) && e164.length() == 12;
    };
  }

  /**
   * An entry that would catch most callers of a network: a prefix of a country code alone ({@code
   * +1}, {@code +4}); saving one needs the operator's explicit confirmation.
   */
  public boolean catchesACountry() {
    return kind == Kind.PREFIX && value.length() <= 2;
  }

  /** How the trace names it. */
  public String shown() {
    String what =
        switch (kind) {
          case NUMBER -> "number " + value;
          case PREFIX -> "prefix " + value + "…";
          case AREA_CODE -> "area code " + value;
        };
    return note.isBlank() ? what : what + " (" + note + ")";
  }
}
