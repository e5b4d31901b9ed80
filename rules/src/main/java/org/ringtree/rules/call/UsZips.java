package org.ringtree.rules.call;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * US zip codes with the state and IANA time zone each lies in, read once from {@code
 * us-zips.csv.gz} (US Census ZCTAs and USPS prefixes; sources and licences in docs/flows.md and
 * NOTICE). A five-digit string that is not listed is not a real zip.
 */
public final class UsZips {

  /** Where a zip lies. */
  public record Place(String zip, String state, String timezone) {}

  private static final String RESOURCE = "us-zips.csv.gz";

  private final Map<String, Place> places;

  private UsZips(Map<String, Place> places) {
    this.places = places;
  }

  /** The shipped table, loaded on first use and shared: about 42,000 zips. */
  public static UsZips shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final UsZips INSTANCE = load();
  }

  public Optional<Place> find(String zip) {
    return zip == null ? Optional.empty() : Optional.ofNullable(places.get(zip.trim()));
  }

  public int size() {
    return places.size();
  }

  private static UsZips load() {
    try (InputStream raw = UsZips.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the rules jar");
      }
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
      Map<String, Place> out = new HashMap<>(64_000);
      String line = in.readLine(); // header zip,state,timezone
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",", -1);
        // Interned: 60 states and 25 zones shared by 42,000 rows.
        out.put(f[0], new Place(f[0], f[1].intern(), f[2].intern()));
      }
      return new UsZips(Map.copyOf(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
