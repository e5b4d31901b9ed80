package org.ringtree.rules.call;

/**
 * Who is calling, as the carrier reports it and as the IVR refines it (a collected zip replaces the
 * zip, state and time zone). Any field but {@code number} may be null when unknown; {@code
 * areaCode} defaults to the NANP area code of a +1 number; {@code timezone} is the IANA zone of the
 * caller's zip when that zip is a real US zip.
 */
public record Caller(
    String number,
    String state,
    String zip,
    String city,
    String areaCode,
    String country,
    String timezone) {
  public Caller {
    if (areaCode == null && number != null && number.startsWith("+1") && number.length() >= 5) {
      areaCode = number.substring(2, 5);
    }
  }

  /** A caller whose time zone is not known (or is looked up later, see {@link #placed}). */
  public Caller(
      String number, String state, String zip, String city, String areaCode, String country) {
    this(number, state, zip, city, areaCode, country, null);
  }

  public static Caller of(String number, String state, String zip) {
    return new Caller(number, state, zip, null, null, "US");
  }

  /** This caller with the time zone of its zip, when the zip is a real US zip. */
  public Caller placed() {
    if (timezone != null) {
      return this;
    }
    return UsZips.shared()
        .find(zip)
        .map(p -> new Caller(number, state, zip, city, areaCode, country, p.timezone()))
        .orElse(this);
  }

  /**
   * The caller as located by a zip they entered: its zip, state and time zone replace ours, and the
   * carrier's city goes when the zip differs (it described the number, not where the caller is).
   */
  public Caller at(UsZips.Place place) {
    String keptCity = place.zip().equals(zip) ? city : null;
    return new Caller(
        number, place.state(), place.zip(), keptCity, areaCode, "US", place.timezone());
  }
}
