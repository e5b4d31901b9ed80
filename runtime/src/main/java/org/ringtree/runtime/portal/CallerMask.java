package org.ringtree.runtime.portal;

/**
 * A caller's number as a publisher sees it unless its operator allows the full number: the country
 * and area code and the last two digits stay, so calls can be told apart without identifying the
 * caller ("+1310•••••00").
 */
final class CallerMask {

  static final String HIDDEN_BUYER = "(hidden)";
  private static final int KEPT_AT_START = 5;
  private static final int KEPT_AT_END = 2;

  private CallerMask() {}

  static String mask(String number) {
    if (number == null || number.isEmpty()) {
      return number;
    }
    if (number.length() <= KEPT_AT_START + KEPT_AT_END) {
      // too short to keep a prefix without showing nearly everything (anonymous, short codes)
      int keep = Math.min(KEPT_AT_END, number.length() / 2);
      return "•".repeat(number.length() - keep) + number.substring(number.length() - keep);
    }
    return number.substring(0, KEPT_AT_START)
        + "•".repeat(number.length() - KEPT_AT_START - KEPT_AT_END)
        + number.substring(number.length() - KEPT_AT_END);
  }
}
