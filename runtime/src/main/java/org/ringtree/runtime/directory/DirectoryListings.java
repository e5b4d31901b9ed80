package org.ringtree.runtime.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pages of the directory for the console's grids: searched, sorted and paged by PostgreSQL, so a
 * grid over 10,000 targets or 100,000 tracking numbers reads only the rows it shows. Search is a
 * plain case-insensitive substring (no LIKE wildcards) over each listing's searched columns; sort
 * keys are checked against each listing's own columns, never pasted from the caller.
 */
@Repository
@Store(
    reads = {
      "verticals",
      "campaigns",
      "publishers",
      "buyers",
      "targets",
      "target_groups",
      "target_group_members",
      "tracking_numbers"
    })
public class DirectoryListings {

  /** What can be listed, with its columns (key → SQL expression) in display order. */
  public enum Listing {
    VERTICAL(
        "verticals r",
        "r.id",
        cols(
            "id", "r.id",
            "name", "r.name",
            "campaigns", "(SELECT count(*) FROM campaigns c WHERE c.vertical_id = r.id)"),
        List.of("r.id", "r.name")),
    CAMPAIGN(
        "campaigns r JOIN verticals v ON v.id = r.vertical_id",
        "r.id",
        cols(
            "id", "r.id",
            "name", "r.name",
            "vertical", "v.name",
            "timezone", "r.timezone",
            "currency", "r.currency",
            "numbers",
                "(SELECT count(*) FROM tracking_numbers n WHERE n.campaign_id = r.id AND"
                    + " n.enabled)"),
        List.of("r.id", "r.name", "v.name")),
    PUBLISHER(
        "publishers r",
        "r.id",
        cols(
            "id", "r.id",
            "name", "r.name",
            "numbers",
                "(SELECT count(*) FROM tracking_numbers n WHERE n.publisher_id = r.id AND"
                    + " n.enabled)"),
        List.of("r.id", "r.name")),
    BUYER(
        "buyers r",
        "r.id",
        cols(
            "id", "r.id",
            "name", "r.name",
            "targets", "(SELECT count(*) FROM targets t WHERE t.buyer_id = r.id)",
            "concurrency", "(r.settings #>> '{caps,concurrency}')::int",
            "daily", "(r.settings #>> '{caps,daily}')::int",
            "active", "r.enabled"),
        List.of("r.id", "r.name")),
    TARGET(
        "targets r JOIN buyers b ON b.id = r.buyer_id",
        "r.id",
        cols(
            "id", "r.id",
            "name", "r.name",
            "buyer", "b.name",
            "kind", "r.kind",
            "destination", "r.destination",
            "priority", "(r.settings ->> 'priority')::int",
            "price", "r.fixed_price",
            "active", "r.enabled"),
        List.of("r.id", "r.name", "b.name", "r.destination")),
    TARGET_GROUP(
        "target_groups r",
        "r.id",
        cols(
            "id", "r.id",
            "name", "r.name",
            "targets", "(SELECT count(*) FROM target_group_members m WHERE m.group_id = r.id)"),
        List.of("r.id", "r.name")),
    TRACKING_NUMBER(
        "tracking_numbers r JOIN campaigns c ON c.id = r.campaign_id"
            + " JOIN publishers p ON p.id = r.publisher_id",
        "r.number",
        cols(
            "id", "r.number",
            "campaign", "c.name",
            "publisher", "p.name",
            "tags",
                "(SELECT string_agg(t.key || '=' || t.value, ', ' ORDER BY t.key) FROM"
                    + " jsonb_each_text(r.source_tags) t)",
            "inService", "r.enabled"),
        List.of("r.number", "c.name", "p.name", "r.source_tags::text"));

    final String from;
    final String key;
    final Map<String, String> columns;
    final List<String> searched;

    Listing(String from, String key, Map<String, String> columns, List<String> searched) {
      this.from = from;
      this.key = key;
      this.columns = columns;
      this.searched = searched;
    }

    public List<String> columnKeys() {
      return List.copyOf(columns.keySet());
    }
  }

  /**
   * What to list: a substring to search for (blank: all), a column key to sort by (null: the name,
   * or the number), and optionally only the targets of one buyer or the numbers of one publisher.
   */
  public record Query(String search, String sortKey, boolean descending, String ownerId) {}

  /** One row: its id, its save count, and each column's value as text (null stays null). */
  public record Row(String id, long version, Map<String, String> cells) {}

  private final JdbcClient jdbc;

  DirectoryListings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Row> page(Listing listing, Query query, int offset, int limit) {
    String sortKey =
        query.sortKey() == null
            ? (listing.columns.containsKey("name") ? "name" : "id")
            : query.sortKey();
    String sortBy = listing.columns.get(sortKey);
    if (sortBy == null) {
      throw new IllegalArgumentException("cannot sort " + listing + " by " + query.sortKey());
    }
    StringBuilder select = new StringBuilder("SELECT " + listing.key + " AS row_id, r.version");
    listing.columns.values().forEach(expr -> select.append(", ").append(expr));
    String direction = query.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST";
    Filter filter = filter(listing, query);
    List<Object> params = new java.util.ArrayList<>(filter.params());
    params.add(Math.max(limit, 0));
    params.add(Math.max(offset, 0));
    List<String> keys = listing.columnKeys();
    return jdbc.sql(
            select
                + " FROM "
                + listing.from
                + filter.where()
                + " ORDER BY "
                + sortBy
                + direction
                + ", "
                + listing.key
                + direction
                + " LIMIT ? OFFSET ?")
        .params(params)
        .query(
            (rs, i) -> {
              Map<String, String> cells = new LinkedHashMap<>();
              for (int c = 0; c < keys.size(); c++) {
                cells.put(keys.get(c), rs.getString(c + 3));
              }
              return new Row(rs.getString(1), rs.getLong(2), cells);
            })
        .list();
  }

  public int count(Listing listing, Query query) {
    Filter filter = filter(listing, query);
    return jdbc.sql("SELECT count(*) FROM " + listing.from + filter.where())
        .params(filter.params())
        .query(Integer.class)
        .single();
  }

  /**
   * One stored entry as its rules record's JSON (what PUT takes), with its save count, a campaign's
   * timezone, and whether a tracking number is in service or a buyer active.
   */
  public record Stored(String json, long version, String timezone, boolean enabled) {}

  public java.util.Optional<Stored> stored(Listing listing, String id) {
    String json =
        switch (listing) {
          case VERTICAL -> "jsonb_build_object('id', r.id, 'name', r.name)";
          case TARGET_GROUP ->
              "jsonb_build_object('id', r.id, 'name', r.name, 'targetIds', (SELECT"
                  + " coalesce(jsonb_agg(m.target_id ORDER BY m.priority, m.target_id),"
                  + " '[]'::jsonb) FROM target_group_members m WHERE m.group_id = r.id))";
          case TRACKING_NUMBER ->
              "jsonb_build_object('e164', r.number, 'campaignId', r.campaign_id, 'publisherId',"
                  + " r.publisher_id, 'sourceTags', r.source_tags)";
          default -> "r.settings";
        };
    String timezone = listing == Listing.CAMPAIGN ? "r.timezone" : "NULL";
    // a number's "in service" and a buyer's "active" (paused: false) travel beside the record
    String enabled =
        listing == Listing.TRACKING_NUMBER || listing == Listing.BUYER ? "r.enabled" : "true";
    String table = listing.from.split(" ")[0];
    return jdbc.sql(
            "SELECT ("
                + json
                + ")::text, r.version, "
                + timezone
                + ", "
                + enabled
                + " FROM "
                + table
                + " r WHERE "
                + listing.key
                + " = ?")
        .param(id)
        .query(
            (rs, i) ->
                new Stored(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)))
        .optional();
  }

  private record Filter(String where, List<Object> params) {}

  private static Filter filter(Listing listing, Query query) {
    List<String> conditions = new java.util.ArrayList<>();
    List<Object> params = new java.util.ArrayList<>();
    String q = query.search() == null ? "" : query.search().strip();
    if (!q.isEmpty()) {
      conditions.add(
          "("
              + String.join(
                  " OR ",
                  listing.searched.stream()
                      .map(c -> "position(lower(?) in lower(" + c + ")) > 0")
                      .toList())
              + ")");
      listing.searched.forEach(c -> params.add(q));
    }
    if (query.ownerId() != null) {
      switch (listing) {
        case TARGET -> conditions.add("r.buyer_id = ?");
        case TRACKING_NUMBER -> conditions.add("r.publisher_id = ?");
        case CAMPAIGN -> conditions.add("r.vertical_id = ?");
        default -> throw new IllegalArgumentException(listing + " has no owner to filter by");
      }
      params.add(query.ownerId());
    }
    return new Filter(
        conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
  }

  private static Map<String, String> cols(String... keysAndExpressions) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndExpressions.length; i += 2) {
      out.put(keysAndExpressions[i], keysAndExpressions[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(out);
  }
}
