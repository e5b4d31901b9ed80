package org.ringtree.editor.flow;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.ringtree.rules.call.AreaCodeStates;

/**
 * Checks what the operator typed into the simulator before a test call is placed, field by field,
 * with the same shapes the webhook and directory accept (E.164 numbers, USPS state codes,
 * five-digit zips), so a typo is reported instead of silently routing a caller who cannot exist.
 */
final class SimulationInputs {

  /** Longest talk time accepted: four hours, far beyond any billable-duration rule. */
  static final int MAX_TALK_SECONDS = 4 * 60 * 60;

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern ZIP = Pattern.compile("[0-9]{5}");
  private static final Pattern DIGITS = Pattern.compile("[0-9*#]{1,32}");

  private SimulationInputs() {}

  /**
   * The problems found, keyed by the simulator's field ("talk", "caller", "state", "zip", "inputs",
   * or "bid:" + target id); empty when the call can be placed.
   */
  static Map<String, String> check(
      Integer talkSeconds,
      String caller,
      String state,
      String zip,
      String inputs,
      Map<String, BigDecimal> bids) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (talkSeconds == null) {
      problems.put("talk", "Enter the talk time in whole seconds (0 if nobody talks).");
    } else if (talkSeconds < 0 || talkSeconds > MAX_TALK_SECONDS) {
      problems.put(
          "talk", "The talk time is from 0 to " + MAX_TALK_SECONDS + " seconds (four hours).");
    }
    String number = strip(caller);
    if (number.isEmpty()) {
      problems.put("caller", "Enter the caller's number in E.164, such as +13105550142.");
    } else if (!E164.matcher(number).matches()) {
      problems.put(
          "caller",
          "A caller number is E.164: + and country code, then up to 15 digits, such as"
              + " +13105550142.");
    }
    String st = strip(state);
    if (!st.isEmpty() && !AreaCodeStates.isStateCode(st)) {
      problems.put(
          "state",
          "A state is a two-letter USPS code in capitals, such as CA or TX; leave it empty if"
              + " unknown.");
    }
    String z = strip(zip);
    if (!z.isEmpty() && !ZIP.matcher(z).matches()) {
      problems.put("zip", "A zip is five digits, such as 90210; leave it empty if unknown.");
    }
    if (inputs != null) {
      for (String part : inputs.split(",")) {
        String p = part.strip();
        if (p.isEmpty() || p.startsWith("speech:") || p.equalsIgnoreCase("silence")) {
          continue;
        }
        if (!DIGITS.matcher(p).matches()) {
          problems.put(
              "inputs",
              "\""
                  + (p.length() > 20 ? p.substring(0, 20) + "…" : p)
                  + "\" is not a key press: use digits, * and #, speech:words, or silence.");
          break;
        }
      }
    }
    if (bids != null) {
      bids.forEach(
          (target, amount) -> {
            if (amount != null && amount.signum() < 0) {
              problems.put("bid:" + target, "A bid is 0 or more; leave it empty for no bid.");
            }
          });
    }
    return problems;
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }
}
