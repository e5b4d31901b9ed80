package org.ringtree.rules.directory;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A number publishers advertise: calls to it belong to a campaign and a publisher, with tags. */
public record TrackingNumber(
    String e164, String campaignId, String publisherId, Map<String, String> sourceTags) {
  public TrackingNumber {
    Objects.requireNonNull(e164, "e164");
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(publisherId, "publisherId");
    sourceTags =
        sourceTags == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(sourceTags));
  }
}
