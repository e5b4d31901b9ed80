package org.ringtree.runtime.supply;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A supply bid's SIP address, {@code sip:bid-<token>@<domain>}, written and read back. */
final class SipAddresses {

  private SipAddresses() {}

  static String address(String token, String domain) {
    return "sip:bid-" + token + "@" + domain;
  }

  private static final Pattern SIP_USER = Pattern.compile("bid-([0-9a-f]{32})");

  /**
   * The token of {@code sip:bid-<token>@<domain>} (any case of scheme and host, a port, URI
   * parameters or headers after it ignored); empty for anything else.
   */
  static Optional<String> sipToken(String to, String domain) {
    if (to == null) {
      return Optional.empty();
    }
    String uri = to.strip();
    String lower = uri.toLowerCase(Locale.ROOT);
    int colon = lower.startsWith("sip:") ? 4 : lower.startsWith("sips:") ? 5 : -1;
    int at = uri.indexOf('@');
    if (colon < 0 || at < colon) {
      return Optional.empty();
    }
    String host = lower.substring(at + 1).split("[;:?>]", 2)[0];
    Matcher user = SIP_USER.matcher(uri.substring(colon, at));
    return host.equals(domain) && user.matches() ? Optional.of(user.group(1)) : Optional.empty();
  }

  /**
   * The caller's number from a SIP {@code From} ({@code sip:+13105550201@host}, or a plain number):
   * its user part as E.164 when it reads as a North American number or starts with {@code +};
   * otherwise the value as given (it then matches no bid's caller).
   */
  static String sipCaller(String from) {
    if (from == null) {
      return null;
    }
    String user = from.strip();
    String lower = user.toLowerCase(Locale.ROOT);
    if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
      user = user.substring(user.indexOf(':') + 1).split("[@;]", 2)[0];
    }
    if (user.matches("\\+[1-9][0-9]{6,14}")) {
      return user;
    }
    if (user.matches("1[2-9][0-9]{9}")) {
      return "+" + user;
    }
    if (user.matches("[2-9][0-9]{9}")) {
      return "+1" + user;
    }
    return from;
  }
}
