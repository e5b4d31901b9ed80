package org.ringtree.runtime.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.Publisher;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.directory.TargetGroup;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.directory.Vertical;
import org.ringtree.rules.json.RingtreeJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The directory (verticals, campaigns, publishers, buyers, targets, groups, tracking numbers) in
 * PostgreSQL. Each row keeps its key fields in columns, for SQL and reports, and the whole rules
 * record as JSON in {@code settings}, so what the engine sees is exactly what was saved.
 */
@Repository
public class DirectoryStore {

  private static final ObjectMapper JSON = RingtreeJson.mapper();

  private final JdbcClient jdbc;

  DirectoryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void save(Vertical v) {
    jdbc.sql(
            "INSERT INTO verticals (id, name) VALUES (?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET name = excluded.name")
        .params(v.id(), v.name())
        .update();
  }

  public void save(Campaign c, String timezone) {
    jdbc.sql(
            "INSERT INTO campaigns (id, vertical_id, name, currency, timezone, settings)"
                + " VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO UPDATE SET"
                + " vertical_id = excluded.vertical_id, name = excluded.name,"
                + " currency = excluded.currency, timezone = excluded.timezone,"
                + " settings = excluded.settings")
        .params(c.id(), c.verticalId(), c.name(), c.currency(), timezone, write(c))
        .update();
  }

  public void save(Publisher p) {
    jdbc.sql(
            "INSERT INTO publishers (id, name, settings) VALUES (?, ?, ?::jsonb)"
                + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                + " settings = excluded.settings")
        .params(p.id(), p.name(), write(p))
        .update();
  }

  public void save(Buyer b) {
    jdbc.sql(
            "INSERT INTO buyers (id, name, settings) VALUES (?, ?, ?::jsonb)"
                + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                + " settings = excluded.settings")
        .params(b.id(), b.name(), write(b))
        .update();
  }

  public void save(Target t) {
    jdbc.sql(
            "INSERT INTO targets (id, buyer_id, name, kind, destination, fixed_price, settings,"
                + " enabled) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (id) DO UPDATE SET"
                + " buyer_id = excluded.buyer_id, name = excluded.name, kind = excluded.kind,"
                + " destination = excluded.destination, fixed_price = excluded.fixed_price,"
                + " settings = excluded.settings, enabled = excluded.enabled")
        .params(
            t.id(),
            t.buyerId(),
            t.name(),
            kind(t.destination()),
            address(t.destination()),
            t.fixedPrice() == null ? null : t.fixedPrice().amount(),
            write(t),
            t.active())
        .update();
  }

  public void save(TargetGroup g) {
    jdbc.sql(
            "INSERT INTO target_groups (id, name) VALUES (?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET name = excluded.name")
        .params(g.id(), g.name())
        .update();
    jdbc.sql("DELETE FROM target_group_members WHERE group_id = ?").param(g.id()).update();
    int priority = 1;
    for (String targetId : g.targetIds()) {
      jdbc.sql("INSERT INTO target_group_members (group_id, target_id, priority) VALUES (?, ?, ?)")
          .params(g.id(), targetId, priority++)
          .update();
    }
  }

  public void save(TrackingNumber n) {
    jdbc.sql(
            "INSERT INTO tracking_numbers (number, campaign_id, publisher_id, source_tags)"
                + " VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (number) DO UPDATE SET"
                + " campaign_id = excluded.campaign_id, publisher_id = excluded.publisher_id,"
                + " source_tags = excluded.source_tags")
        .params(n.e164(), n.campaignId(), n.publisherId(), write(n.sourceTags()))
        .update();
  }

  public Optional<TrackingNumber> trackingNumber(String e164) {
    return jdbc.sql(
            "SELECT number, campaign_id, publisher_id, source_tags::text FROM tracking_numbers"
                + " WHERE number = ? AND enabled")
        .param(e164)
        .query(
            (rs, i) ->
                new TrackingNumber(
                    rs.getString(1), rs.getString(2), rs.getString(3), readMap(rs.getString(4))))
        .optional();
  }

  /** Everything the compiler may reference: the whole directory, as the rules see it. */
  public DirectorySnapshot snapshot(Set<String> connectorIds) {
    List<Vertical> verticals =
        jdbc.sql("SELECT id, name FROM verticals")
            .query((rs, i) -> new Vertical(rs.getString(1), rs.getString(2)))
            .list();
    List<Campaign> campaigns = readAll("campaigns", Campaign.class);
    List<Publisher> publishers = readAll("publishers", Publisher.class);
    List<Buyer> buyers = readAll("buyers", Buyer.class);
    List<Target> targets = readAll("targets", Target.class);
    Map<String, List<String>> members = new java.util.TreeMap<>();
    jdbc.sql(
            "SELECT group_id, target_id FROM target_group_members ORDER BY group_id, priority,"
                + " target_id")
        .query(
            (rs, i) ->
                members
                    .computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                    .add(rs.getString(2)))
        .list();
    List<TargetGroup> groups =
        jdbc.sql("SELECT id, name FROM target_groups")
            .query(
                (rs, i) ->
                    new TargetGroup(
                        rs.getString(1),
                        rs.getString(2),
                        members.getOrDefault(rs.getString(1), List.of())))
            .list();
    List<TrackingNumber> numbers =
        jdbc.sql(
                "SELECT number, campaign_id, publisher_id, source_tags::text FROM tracking_numbers")
            .query(
                (rs, i) ->
                    new TrackingNumber(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        readMap(rs.getString(4))))
            .list();
    return new DirectorySnapshot(
        verticals, campaigns, publishers, buyers, targets, groups, numbers, connectorIds);
  }

  private <T> List<T> readAll(String table, Class<T> type) {
    return jdbc.sql("SELECT settings::text FROM " + table + " ORDER BY id")
        .query((rs, i) -> read(rs.getString(1), type, table))
        .list();
  }

  static String kind(Destination d) {
    if (d instanceof Destination.PhoneNumber) {
      return "NUMBER";
    }
    return d instanceof Destination.SipUri ? "SIP" : "RTB";
  }

  static String address(Destination d) {
    if (d instanceof Destination.PhoneNumber p) {
      return p.e164();
    }
    if (d instanceof Destination.SipUri s) {
      return s.uri();
    }
    return ((Destination.RtbEndpoint) d).url();
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot store " + value, e);
    }
  }

  private static <T> T read(String json, Class<T> type, String table) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable " + table + " row: " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, String> readMap(String json) {
    try {
      return JSON.readValue(
          json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable source tags: " + json, e);
    }
  }
}
