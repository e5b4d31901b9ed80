package org.ringtree.rules.fraud;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Set;

/**
 * What a caller id is, as far as routing can tell: a real number, withheld, a toll-free number
 * (toll-free numbers place few genuine consumer calls and are a favourite of spoofers), or not a
 * number any carrier assigns. Validity is Google's libphonenumber metadata (Apache-2.0): an area
 * code or exchange that cannot exist (e.g. +1 555 0100 000 or 0xx area codes) is invalid.
 */
public enum CallerIdKind {
  VALID,
  ANONYMOUS,
  TOLL_FREE,
  INVALID;

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  // what carriers put in From when the caller withholds the number; +266696687 is "ANONYMOUS"
  // spelled on a keypad, the form some carriers pass through as digits
  private static final Set<String> WITHHELD =
      Set.of("anonymous", "restricted", "unknown", "private", "unavailable", "+266696687");

  public static CallerIdKind of(String from) {
    if (from == null || from.isBlank()) {
      return ANONYMOUS;
    }
    String trimmed = from.strip();
    if (WITHHELD.contains(trimmed.toLowerCase(Locale.ROOT))) {
      return ANONYMOUS;
    }
    if (trimmed.chars().noneMatch(Character::isDigit)) {
      return ANONYMOUS;
    }
    PhoneNumber number;
    try {
      number = PHONES.parse(trimmed, "US");
    } catch (NumberParseException e) {
      return INVALID;
    }
    if (!PHONES.isValidNumber(number)) {
      return INVALID;
    }
    return PHONES.getNumberType(number) == PhoneNumberType.TOLL_FREE ? TOLL_FREE : VALID;
  }

  /** How the trace says it. */
  public String shown() {
    return switch (this) {
      case VALID -> "a valid number";
      case ANONYMOUS -> "withheld (anonymous)";
      case TOLL_FREE -> "a toll-free number";
      case INVALID -> "not a number any carrier assigns";
    };
  }
}
