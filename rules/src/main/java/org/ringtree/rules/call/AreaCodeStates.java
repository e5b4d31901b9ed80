package org.ringtree.rules.call;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The US state of a caller's number, from its area code (and exchange), for carriers that send no
 * {@code FromState} (Telnyx, SignalWire). The data is Google's libphonenumber offline geocoder
 * (Apache-2.0), which names a place ("Austin, TX") or a state ("Texas") per number prefix.
 */
public final class AreaCodeStates {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final PhoneNumberOfflineGeocoder GEOCODER =
      PhoneNumberOfflineGeocoder.getInstance();

  // USPS two-letter codes of the states, DC and the territories inside +1
  private static final Map<String, String> CODES =
      Map.ofEntries(
          Map.entry("alabama", "AL"),
          Map.entry("alaska", "AK"),
          Map.entry("arizona", "AZ"),
          Map.entry("arkansas", "AR"),
          Map.entry("california", "CA"),
          Map.entry("colorado", "CO"),
          Map.entry("connecticut", "CT"),
          Map.entry("delaware", "DE"),
          Map.entry("district of columbia", "DC"),
          Map.entry("washington d.c.", "DC"),
          Map.entry("washington dc", "DC"),
          Map.entry("florida", "FL"),
          Map.entry("georgia", "GA"),
          Map.entry("hawaii", "HI"),
          Map.entry("idaho", "ID"),
          Map.entry("illinois", "IL"),
          Map.entry("indiana", "IN"),
          Map.entry("iowa", "IA"),
          Map.entry("kansas", "KS"),
          Map.entry("kentucky", "KY"),
          Map.entry("louisiana", "LA"),
          Map.entry("maine", "ME"),
          Map.entry("maryland", "MD"),
          Map.entry("massachusetts", "MA"),
          Map.entry("michigan", "MI"),
          Map.entry("minnesota", "MN"),
          Map.entry("mississippi", "MS"),
          Map.entry("missouri", "MO"),
          Map.entry("montana", "MT"),
          Map.entry("nebraska", "NE"),
          Map.entry("nevada", "NV"),
          Map.entry("new hampshire", "NH"),
          Map.entry("new jersey", "NJ"),
          Map.entry("new mexico", "NM"),
          Map.entry("new york", "NY"),
          Map.entry("north carolina", "NC"),
          Map.entry("north dakota", "ND"),
          Map.entry("ohio", "OH"),
          Map.entry("oklahoma", "OK"),
          Map.entry("oregon", "OR"),
          Map.entry("pennsylvania", "PA"),
          Map.entry("rhode island", "RI"),
          Map.entry("south carolina", "SC"),
          Map.entry("south dakota", "SD"),
          Map.entry("tennessee", "TN"),
          Map.entry("texas", "TX"),
          Map.entry("utah", "UT"),
          Map.entry("vermont", "VT"),
          Map.entry("virginia", "VA"),
          Map.entry("washington", "WA"),
          Map.entry("west virginia", "WV"),
          Map.entry("wisconsin", "WI"),
          Map.entry("wyoming", "WY"),
          Map.entry("puerto rico", "PR"),
          Map.entry("guam", "GU"),
          Map.entry("u.s. virgin islands", "VI"),
          Map.entry("american samoa", "AS"),
          Map.entry("northern mariana islands", "MP"));

  private AreaCodeStates() {}

  /** Whether a code is the USPS two-letter code of a state, DC or a territory (upper case). */
  public static boolean isStateCode(String code) {
    return code != null && CODES.containsValue(code);
  }

  /** The state of a +1 US number, or empty (not a US number, unknown prefix, unparseable). */
  public static Optional<String> state(String e164) {
    if (e164 == null || !e164.startsWith("+1")) {
      return Optional.empty();
    }
    PhoneNumber number;
    try {
      number = PHONES.parse(e164, "US");
    } catch (NumberParseException e) {
      return Optional.empty();
    }
    if (!"US".equals(PHONES.getRegionCodeForNumber(number))
        && !"PR".equals(PHONES.getRegionCodeForNumber(number))) {
      return Optional.empty();
    }
    String place = GEOCODER.getDescriptionForNumber(number, Locale.ENGLISH);
    if (place == null || place.isBlank()) {
      return Optional.empty();
    }
    int comma = place.lastIndexOf(", ");
    if (comma >= 0) {
      String code = place.substring(comma + 2).strip();
      if (code.matches("[A-Z]{2}")) {
        return Optional.of(code);
      }
    }
    return Optional.ofNullable(CODES.get(place.strip().toLowerCase(Locale.ROOT)));
  }
}
