package org.ringtree.runtime.telephony;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The form fields of one webhook, read defensively: every value is length-checked and every
 * structured field parsed, so bad input becomes a 400 with a clear message, never a 500.
 */
final class WebhookForm {

  static final int MAX_FIELD = 4096;
  // Twilio: CA + 32 hex; SignalWire: a UUID; Telnyx: "v3:" + about 60 characters
  private static final Pattern SID = Pattern.compile("[A-Za-z0-9_:-]{2,128}");
  private static final Pattern DIGITS = Pattern.compile("[0-9*#wW]{0,64}");

  private final Map<String, String> fields;

  WebhookForm(Map<String, String[]> parameterMap) {
    Map<String, String> f = new LinkedHashMap<>();
    parameterMap.forEach(
        (name, values) -> {
          if (values.length == 0) {
            return;
          }
          if (values[0].length() > MAX_FIELD) {
            throw new BadWebhookException(
                "field "
                    + name
                    + " is "
                    + values[0].length()
                    + " characters; at most "
                    + MAX_FIELD);
          }
          f.put(name, values[0]);
        });
    this.fields = f;
  }

  Map<String, String> all() {
    return Map.copyOf(fields);
  }

  String callSid() {
    return sid("CallSid");
  }

  /** A required call id field ({@code CallSid}, {@code ParentCallSid}). */
  String sid(String name) {
    String sid = required(name);
    if (!SID.matcher(sid).matches()) {
      throw new BadWebhookException(name + " is not a call id: " + abbreviate(sid));
    }
    return sid;
  }

  String required(String name) {
    String v = fields.get(name);
    if (v == null || v.isBlank()) {
      throw new BadWebhookException("missing required field " + name);
    }
    return v.strip();
  }

  String optional(String name) {
    String v = fields.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  String digits() {
    String v = fields.getOrDefault("Digits", "");
    if (!DIGITS.matcher(v).matches()) {
      throw new BadWebhookException("Digits must be keypad characters: " + abbreviate(v));
    }
    return v;
  }

  int seconds(String name) {
    String v = optional(name);
    if (v == null) {
      return 0;
    }
    try {
      int s = Integer.parseInt(v);
      if (s < 0 || s > 86_400 * 7) {
        throw new NumberFormatException();
      }
      return s;
    } catch (NumberFormatException e) {
      throw new BadWebhookException(name + " must be a number of seconds, not: " + abbreviate(v));
    }
  }

  <T> T parsed(String name, Function<String, Optional<T>> parser) {
    String v = required(name);
    return parser
        .apply(v)
        .orElseThrow(() -> new BadWebhookException("unknown " + name + " value: " + abbreviate(v)));
  }

  static int step(String step) {
    try {
      int s = Integer.parseInt(step);
      if (s < 0) {
        throw new NumberFormatException();
      }
      return s;
    } catch (NumberFormatException | NullPointerException e) {
      throw new BadWebhookException("query parameter step must be a step number");
    }
  }

  /** Our call id, from the {@code call} query parameter of a URL we put in the TwiML. */
  static java.util.UUID callId(String call) {
    try {
      return java.util.UUID.fromString(call);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadWebhookException("query parameter call must be a call id");
    }
  }

  /** A value as it may appear in a log line: abbreviated, control characters replaced. */
  static String printable(String v) {
    return v == null ? "(none)" : abbreviate(v.replaceAll("\\p{Cntrl}", "?"));
  }

  private static String abbreviate(String v) {
    return v.length() <= 40 ? v : v.substring(0, 40) + "…";
  }
}
