package org.ringtree.rules.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.json.RingtreeJson;

/**
 * Differences between the directory entries two versions compiled against (campaigns and their
 * payout policies, buyers, targets, groups …), entry by entry and field by field, summarised as
 * "Acme intake line: daily cap 40 → 60" or "Bidder One ping-post: new condition: states in CA, NV".
 */
public final class DirectoryDiff {

  private static final ObjectMapper JSON = RingtreeJson.mapper();

  /** The snapshot's lists, in the order a reviewer reads them, with the noun for one entry. */
  private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

  /** Field paths with a better name than their spelled-out path. */
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("caps.daily", "daily cap"),
          Map.entry("caps.hourly", "hourly cap"),
          Map.entry("caps.monthly", "monthly cap"),
          Map.entry("caps.total", "total cap"),
          Map.entry("caps.concurrency", "concurrency cap"),
          Map.entry("caps.countOn", "caps count"),
          Map.entry("fixedPrice.amount", "fixed price"),
          Map.entry("geo.states", "states"),
          Map.entry("geo.zips", "zips"),
          Map.entry("geo.areaCodes", "area codes"),
          Map.entry("destination.url", "bid URL"),
          Map.entry("destination.e164", "number"),
          Map.entry("destination.uri", "SIP URI"),
          Map.entry("marginAmount.amount", "margin amount"),
          Map.entry("payout.fixedPayout.amount", "fixed payout"),
          Map.entry("targetIds", "targets"),
          Map.entry("active", "active"));

  static {
    SECTIONS.put("campaigns", "campaign");
    SECTIONS.put("buyers", "buyer");
    SECTIONS.put("targets", "target");
    SECTIONS.put("targetGroups", "target group");
    SECTIONS.put("publishers", "publisher");
    SECTIONS.put("trackingNumbers", "tracking number");
    SECTIONS.put("verticals", "vertical");
  }

  private DirectoryDiff() {}

  public static List<Change> between(DirectorySnapshot before, DirectorySnapshot after) {
    JsonNode b = JSON.valueToTree(before);
    JsonNode a = JSON.valueToTree(after);
    List<Change> out = new ArrayList<>();
    SECTIONS.forEach((section, noun) -> section(out, noun, b.get(section), a.get(section)));
    Set<String> wasConnectors = new LinkedHashSet<>(before.connectorIds());
    for (String c : after.connectorIds()) {
      if (!wasConnectors.remove(c)) {
        out.add(
            new Change(
                ChangeKind.ADDED, "connector", c, null, null, c, "new connector in use: " + c));
      }
    }
    wasConnectors.forEach(
        c ->
            out.add(
                new Change(
                    ChangeKind.REMOVED,
                    "connector",
                    c,
                    null,
                    c,
                    null,
                    "connector no longer used: " + c)));
    return out;
  }

  private static void section(List<Change> out, String noun, JsonNode before, JsonNode after) {
    Map<String, JsonNode> b = byId(before);
    Map<String, JsonNode> a = byId(after);
    Set<String> ids = new LinkedHashSet<>(a.keySet());
    ids.addAll(b.keySet());
    for (String id : ids) {
      JsonNode was = b.get(id);
      JsonNode now = a.get(id);
      if (was == null) {
        out.add(
            new Change(
                ChangeKind.ADDED,
                noun,
                id,
                null,
                null,
                name(now),
                "new " + noun + ": " + name(now)));
      } else if (now == null) {
        out.add(
            new Change(
                ChangeKind.REMOVED,
                noun,
                id,
                null,
                name(was),
                null,
                noun + " removed: " + name(was)));
      } else {
        fields(out, noun, id, name(now), was, now);
      }
    }
  }

  private static void fields(
      List<Change> out, String noun, String id, String name, JsonNode was, JsonNode now) {
    Map<String, JsonNode> b = JsonFlattener.flatten(was);
    Map<String, JsonNode> a = JsonFlattener.flatten(now);
    Set<String> paths = new LinkedHashSet<>(a.keySet());
    paths.addAll(b.keySet());
    for (String path : paths) {
      JsonNode x = b.get(path);
      JsonNode y = a.get(path);
      if (JsonFlattener.same(x, y)) {
        continue;
      }
      String label = LABELS.getOrDefault(path, JsonFlattener.words(path));
      String before = JsonFlattener.show(x);
      String after = JsonFlattener.show(y);
      boolean emptyBefore = x == null || x.isNull() || x.isArray() && x.isEmpty();
      boolean emptyAfter = y == null || y.isNull() || y.isArray() && y.isEmpty();
      String summary;
      if (path.startsWith("geo.") && emptyBefore && !emptyAfter) {
        summary = name + ": new condition: " + label + " in " + after;
      } else if (path.startsWith("geo.") && emptyAfter && !emptyBefore) {
        summary = name + ": condition removed: " + label + " in " + before;
      } else {
        summary = name + ": " + label + " " + before + " → " + after;
      }
      out.add(new Change(ChangeKind.CHANGED, noun, id, path, before, after, summary));
    }
  }

  private static String name(JsonNode entry) {
    JsonNode name = entry.get("name");
    if (name != null && name.isTextual() && !name.asText().isBlank()) {
      return name.asText();
    }
    return id(entry);
  }

  private static String id(JsonNode entry) {
    return entry.has("id") ? entry.get("id").asText() : entry.path("e164").asText();
  }

  private static Map<String, JsonNode> byId(JsonNode list) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (list != null && list.isArray()) {
      list.forEach(e -> out.put(id(e), e));
    }
    return out;
  }
}
