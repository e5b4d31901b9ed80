package org.ringtree.rules.directory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a buyer's accepted bid may send a call. A bid names the number or SIP address to dial, and
 * the network pays for that leg: a malicious or compromised buyer endpoint could name a
 * premium-rate or international number and have the network dial it (toll fraud). So a bid's
 * destination must be on the buyer's allow-list; with none configured, only North American numbers
 * are dialled, never the premium-rate area code 900 nor the NANP area codes that belong to other
 * countries (the Caribbean and Bermuda, the "one-ring scam" codes the FTC warns of), and no SIP
 * address.
 *
 * @param numbers E.164 prefixes a bid's number may start with ({@code +1512}, {@code +44}, {@code
 *     +15125550100}); empty: the default rule above. A premium-rate number is dialled only when a
 *     listed prefix names it ({@code +1900…}).
 * @param sipDomains host names a bid's SIP address may use (a listed domain also allows its
 *     subdomains); empty: no SIP address from a bid
 */
public record BidDestinations(List<String> numbers, List<String> sipDomains) {

  public static final BidDestinations DEFAULT = new BidDestinations(List.of(), List.of());

  /** NANP area codes of countries other than the US and Canada (sources in docs/security.md). */
  static final Set<String> OTHER_COUNTRIES_IN_NANP =
      Set.of(
          "242", "246", "264", "268", "284", "345", "441", "473", "649", "658", "664", "721", "758",
          "767", "784", "809", "829", "849", "868", "869", "876");

  /** Premium-rate area code of the NANP. */
  static final String PREMIUM_RATE = "900";

  public BidDestinations {
    numbers = numbers == null ? List.of() : List.copyOf(numbers);
    sipDomains =
        sipDomains == null
            ? List.of()
            : sipDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
    for (String prefix : numbers) {
      if (!prefix.matches("\\+[1-9][0-9]{0,14}")) {
        throw new IllegalArgumentException(
            "a bid destination prefix is + and digits, such as +1512 or +44: " + prefix);
      }
    }
    for (String domain : sipDomains) {
      if (!domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
        throw new IllegalArgumentException("not a SIP domain name: " + domain);
      }
    }
  }

  /** Why a bid may not send a call to {@code destination}, if it may not. */
  public Optional<String> problem(Destination destination) {
    if (destination instanceof Destination.PhoneNumber phone) {
      return numberProblem(phone.e164());
    }
    if (destination instanceof Destination.SipUri sip) {
      return sipProblem(sip.uri());
    }
    return Optional.of("a bid must name a phone number or a SIP address");
  }

  private Optional<String> numberProblem(String e164) {
    boolean nanp = e164.startsWith("+1") && e164.length() == 12;
    String areaCode = nanp ? e164.substring(2, 5) : "";
    if (numbers.isEmpty()) {
      if (!nanp) {
        return Optional.of(
            e164 + " is outside North America (list it in the buyer's allowed bid destinations)");
      }
      if (areaCode.equals(PREMIUM_RATE)) {
        return Optional.of(e164 + " is a premium-rate number");
      }
      if (OTHER_COUNTRIES_IN_NANP.contains(areaCode)) {
        return Optional.of(
            e164
                + " is in area code "
                + areaCode
                + ", another country inside +1 (list it to allow)");
      }
      return Optional.empty();
    }
    Optional<String> listed = numbers.stream().filter(e164::startsWith).findFirst();
    if (listed.isEmpty()) {
      return Optional.of(e164 + " is not among the buyer's allowed bid destinations " + numbers);
    }
    if (nanp && areaCode.equals(PREMIUM_RATE) && !listed.get().startsWith("+1" + PREMIUM_RATE)) {
      return Optional.of(e164 + " is a premium-rate number");
    }
    return Optional.empty();
  }

  private Optional<String> sipProblem(String uri) {
    String rest = uri.substring(uri.indexOf(':') + 1);
    int at = rest.lastIndexOf('@');
    String host =
        (at < 0 ? rest : rest.substring(at + 1)).split("[;:?>]")[0].toLowerCase(Locale.ROOT);
    boolean allowed = sipDomains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    return allowed
        ? Optional.empty()
        : Optional.of(
            "SIP host " + host + " is not among the buyer's allowed bid SIP domains " + sipDomains);
  }
}
