package org.ringtree.runtime.console;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.ringtree.rules.port.DirectoryLookupPort;
import org.ringtree.runtime.connector.ConnectorNames;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Searches the directory tables directly, paged by the database, so select lists stay fast with
 * hundreds of targets. Connectors and timezones are small in-memory lists.
 */
@Service
@Store(
    reads = {
      "targets",
      "buyers",
      "target_groups",
      "target_group_members",
      "tracking_numbers",
      "campaigns",
      "publishers"
    })
class ConsoleDirectoryLookup implements DirectoryLookupPort {

  // "caller" first: a condition's hours may follow the caller's zone (from their zip).
  private static final List<Choice> TIMEZONES =
      Stream.concat(
              Stream.of(
                  new Choice(
                      org.ringtree.rules.directory.Schedule.CALLER,
                      "The caller's time zone",
                      "from the zip they entered or the carrier sent")),
              ZoneId.getAvailableZoneIds().stream()
                  .filter(
                      z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                  .sorted()
                  .map(z -> new Choice(z, z, null)))
          .toList();

  private final JdbcClient jdbc;
  private final ConnectorNames connectors;

  ConsoleDirectoryLookup(JdbcClient jdbc, ConnectorNames connectors) {
    this.jdbc = jdbc;
    this.connectors = connectors;
  }

  @Override
  public List<Choice> search(RefKind kind, String text, int offset, int limit) {
    String q = text == null ? "" : text.strip();
    return switch (kind) {
      case TARGET, GROUP, TRACKING_NUMBER ->
          jdbc.sql(select(kind) + " ORDER BY 2, 1 LIMIT ? OFFSET ?")
              .params(q, q, q, limit, offset)
              .query((rs, i) -> new Choice(rs.getString(1), rs.getString(2), rs.getString(3)))
              .list();
      case CONNECTOR, TIMEZONE -> memory(kind, q).skip(offset).limit(limit).toList();
    };
  }

  @Override
  public int count(RefKind kind, String text) {
    String q = text == null ? "" : text.strip();
    return switch (kind) {
      case TARGET, GROUP, TRACKING_NUMBER ->
          jdbc.sql("SELECT count(*) FROM (" + select(kind) + ") s")
              .params(q, q, q)
              .query(Integer.class)
              .single();
      case CONNECTOR, TIMEZONE -> (int) memory(kind, q).count();
    };
  }

  @Override
  public Optional<Choice> find(RefKind kind, String id) {
    if (id == null) {
      return Optional.empty();
    }
    return switch (kind) {
      case TARGET, GROUP, TRACKING_NUMBER ->
          jdbc.sql("SELECT * FROM (" + select(kind) + ") s WHERE s.id = ?")
              .params("", "", "", id)
              .query((rs, i) -> new Choice(rs.getString(1), rs.getString(2), rs.getString(3)))
              .optional();
      case CONNECTOR, TIMEZONE -> memory(kind, "").filter(c -> c.id().equals(id)).findFirst();
    };
  }

  @Override
  public List<Choice> targetsOf(List<String> targetIds, List<String> groupIds) {
    List<String> ids =
        jdbc.sql(
                "SELECT id FROM targets WHERE id = ANY(?) UNION SELECT target_id FROM"
                    + " target_group_members WHERE group_id = ANY(?)")
            .params(targetIds.toArray(String[]::new), groupIds.toArray(String[]::new))
            .query(String.class)
            .list();
    return ids.stream()
        .map(id -> find(RefKind.TARGET, id))
        .flatMap(Optional::stream)
        .sorted(java.util.Comparator.comparing(Choice::label))
        .toList();
  }

  /** A query with three text parameters, matched as plain substrings (no LIKE wildcards). */
  private static String select(RefKind kind) {
    String matches =
        " WHERE (position(lower(?) in lower(%1$s)) > 0 OR position(lower(?) in lower(%2$s)) > 0"
            + " OR position(lower(?) in lower(%3$s)) > 0)";
    return switch (kind) {
      case TARGET ->
          "SELECT t.id AS id, t.name AS label, b.name || ' · ' || t.kind || CASE WHEN t.enabled"
              + " THEN '' ELSE ' · disabled' END AS detail FROM targets t JOIN buyers b ON b.id ="
              + " t.buyer_id"
              + matches.formatted("t.id", "t.name", "b.name");
      case GROUP ->
          "SELECT g.id AS id, g.name AS label, (SELECT count(*) FROM target_group_members m"
              + " WHERE m.group_id = g.id) || ' targets' AS detail FROM target_groups g"
              + matches.formatted("g.id", "g.name", "g.id");
      case TRACKING_NUMBER ->
          "SELECT n.number AS id, n.number AS label, c.name || ' · ' || p.name AS detail FROM"
              + " tracking_numbers n JOIN campaigns c ON c.id = n.campaign_id JOIN publishers p"
              + " ON p.id = n.publisher_id"
              + matches.formatted("n.number", "c.name", "p.name");
      default -> throw new IllegalArgumentException(kind.name());
    };
  }

  private Stream<Choice> memory(RefKind kind, String q) {
    String needle = q.toLowerCase(Locale.ROOT);
    Stream<Choice> all =
        kind == RefKind.TIMEZONE
            ? TIMEZONES.stream()
            : connectors.all().stream().map(c -> new Choice(c, c, connectors.describe(c)));
    return all.filter(c -> c.id().toLowerCase(Locale.ROOT).contains(needle));
  }
}
