package org.ringtree.rules.call;

/**
 * Who is calling, as the carrier reports it. Any field but {@code number} may be null when unknown;
 * {@code areaCode} defaults to the NANP area code of a +1 number.
 */
public record Caller(
    String number, String state, String zip, String city, String areaCode, String country) {
  public Caller {
    if (areaCode == null && number != null && number.startsWith("+1") && number.length() >= 5) {
      areaCode = number.substring(2, 5);
    }
  }

  public static Caller of(String number, String state, String zip) {
    return new Caller(number, state, zip, null, null, "US");
  }
}
