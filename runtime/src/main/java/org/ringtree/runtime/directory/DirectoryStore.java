package org.ringtree.runtime.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.LiveSettings;
import org.ringtree.rules.directory.OutboundUrl;
import org.ringtree.rules.directory.Publisher;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.directory.TargetGroup;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.directory.Vertical;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.routing.RtbRequestTemplate;
import org.ringtree.runtime.audit.AuditLogStore;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.secrets.SecretStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory (verticals, campaigns, publishers, buyers, targets, groups, tracking numbers) in
 * PostgreSQL. Each row keeps its key fields in columns, for SQL and reports, and the whole rules
 * record as JSON in {@code settings}, so what the engine sees is exactly what was saved.
 */
@Repository
@Store(
    owns = {
      "verticals",
      "campaigns",
      "publishers",
      "buyers",
      "targets",
      "target_groups",
      "target_group_members",
      "tracking_numbers"
    })
public class DirectoryStore {

  private static final ObjectMapper JSON = RingtreeJson.mapper();

  private final JdbcClient jdbc;
  private final AuditLogStore audit;

  private final SecretStore secrets;
  private final ApplicationEventPublisher events;

  DirectoryStore(
      JdbcClient jdbc, AuditLogStore audit, SecretStore secrets, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.secrets = secrets;
    this.events = events;
  }

  /** The PostgreSQL channel told, at commit, that a target's or buyer's live settings changed. */
  public static final String LIVE_CHANNEL = "ringtree_directory_live";

  /** A target's or a buyer's row changed; its live settings may have (sent after commit). */
  public record LiveSettingsChanged(String kind, String id) {}

  /** Saves whatever is stored (the REST API without If-Match, the seed). */
  public void save(Vertical v) {
    save(v, null);
  }

  /**
   * Saves if the stored row is still at {@code expectedVersion} (0: there must be none yet; null:
   * whatever is stored).
   *
   * @return the version now stored
   * @throws StaleEntry when someone else saved it since that version, or created it meanwhile
   */
  @Transactional
  public long save(Vertical v, Long expectedVersion) {
    String before = rowJson("verticals", "id", v.id());
    int updated =
        jdbc.sql(
                "INSERT INTO verticals (id, name) VALUES (?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                    + CHECKED.formatted("verticals"))
            .params(v.id(), v.name(), expectedVersion, expectedVersion)
            .update();
    return saved("vertical", "verticals", "id", v.id(), before, updated, expectedVersion);
  }

  public void save(Campaign c, String timezone) {
    save(c, timezone, null);
  }

  /** As {@link #save(Vertical, Long)}, for a campaign and its timezone. */
  @Transactional
  public long save(Campaign c, String timezone, Long expectedVersion) {
    // a window the runtime cannot look back over is refused, never silently shrunk
    c.duplicateWindowProblem()
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(p);
            });
    String before = rowJson("campaigns", "id", c.id());
    int updated =
        jdbc.sql(
                "INSERT INTO campaigns (id, vertical_id, name, currency, timezone, settings)"
                    + " VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO UPDATE SET"
                    + " vertical_id = excluded.vertical_id, name = excluded.name,"
                    + " currency = excluded.currency, timezone = excluded.timezone,"
                    + " settings = excluded.settings,"
                    + CHECKED.formatted("campaigns"))
            .params(
                c.id(),
                c.verticalId(),
                c.name(),
                c.currency(),
                timezone,
                write(c),
                expectedVersion,
                expectedVersion)
            .update();
    return saved("campaign", "campaigns", "id", c.id(), before, updated, expectedVersion);
  }

  public void save(Publisher p) {
    save(p, null);
  }

  /** As {@link #save(Vertical, Long)}, for a publisher. */
  @Transactional
  public long save(Publisher p, Long expectedVersion) {
    String before = rowJson("publishers", "id", p.id());
    int updated =
        jdbc.sql(
                "INSERT INTO publishers (id, name, settings) VALUES (?, ?, ?::jsonb)"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                    + " settings = excluded.settings,"
                    + CHECKED.formatted("publishers"))
            .params(p.id(), p.name(), write(p), expectedVersion, expectedVersion)
            .update();
    return saved("publisher", "publishers", "id", p.id(), before, updated, expectedVersion);
  }

  public void save(Buyer b) {
    save(b, null);
  }

  /** As {@link #save(Vertical, Long)}, for a buyer. */
  @Transactional
  public long save(Buyer b, Long expectedVersion) {
    String before = rowJson("buyers", "id", b.id());
    int updated =
        jdbc.sql(
                "INSERT INTO buyers (id, name, settings) VALUES (?, ?, ?::jsonb)"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                    + " settings = excluded.settings,"
                    + CHECKED.formatted("buyers"))
            .params(b.id(), b.name(), write(b), expectedVersion, expectedVersion)
            .update();
    long version = saved("buyer", "buyers", "id", b.id(), before, updated, expectedVersion);
    liveChanged("buyer", b.id());
    return version;
  }

  /**
   * @throws IllegalArgumentException when an RTB target's URL is not one Ringtree calls out to
   *     ({@link OutboundUrl}), or its request template is unusable ({@link RtbRequestTemplate});
   *     nothing is saved
   */
  public void save(Target t) {
    save(t, null);
  }

  /** As {@link #save(Vertical, Long)}, for a target. */
  @Transactional
  public long save(Target t, Long expectedVersion) {
    if (t.destination() instanceof Destination.RtbEndpoint rtb) {
      // the URL (for a TEMPLATE, the URL it renders), method, body and headers
      RtbRequestTemplate.require(
          rtb,
          "target "
              + t.id()
              + (rtb.format() == Destination.BidResponseFormat.TEMPLATE
                  ? ": RTB request"
                  : ": RTB URL"));
    }
    if (t.duplicateRule() != null && t.duplicateRule().problem().isPresent()) {
      throw new IllegalArgumentException(
          "target " + t.id() + ": " + t.duplicateRule().problem().get());
    }
    t = withSecretReference(t);
    String before = rowJson("targets", "id", t.id());
    int updated =
        jdbc.sql(
                "INSERT INTO targets (id, buyer_id, name, kind, destination, fixed_price, settings,"
                    + " enabled) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (id) DO UPDATE SET"
                    + " buyer_id = excluded.buyer_id, name = excluded.name, kind = excluded.kind,"
                    + " destination = excluded.destination, fixed_price = excluded.fixed_price,"
                    + " settings = excluded.settings, enabled = excluded.enabled,"
                    + CHECKED.formatted("targets"))
            .params(
                t.id(),
                t.buyerId(),
                t.name(),
                kind(t.destination()),
                address(t.destination()),
                t.fixedPrice() == null ? null : t.fixedPrice().amount(),
                write(t),
                t.active(),
                expectedVersion,
                expectedVersion)
            .update();
    long version = saved("target", "targets", "id", t.id(), before, updated, expectedVersion);
    liveChanged("target", t.id());
    return version;
  }

  /**
   * Pauses or resumes a target for the next call, without a flow version (a live setting, see
   * {@link org.ringtree.rules.directory.SettingScope}); audited. False if there is no such target.
   */
  @Transactional
  public boolean setTargetActive(String id, boolean active) {
    String before = rowJson("targets", "id", id);
    if (before == null) {
      return false;
    }
    jdbc.sql(
            "UPDATE targets SET enabled = ?, settings = jsonb_set(settings, '{active}',"
                + " to_jsonb(?::boolean)), version = version + 1 WHERE id = ?")
        .params(active, active, id)
        .update();
    auditedAs("target", "targets", id, before, active ? "resume" : "pause");
    liveChanged("target", id);
    return true;
  }

  /**
   * Pauses or resumes every target of a buyer for the next call, without a flow version; audited.
   * False if there is no such buyer.
   */
  @Transactional
  public boolean setBuyerActive(String id, boolean active) {
    String before = rowJson("buyers", "id", id);
    if (before == null) {
      return false;
    }
    jdbc.sql("UPDATE buyers SET enabled = ?, version = version + 1 WHERE id = ?")
        .params(active, id)
        .update();
    auditedAs("buyer", "buyers", id, before, active ? "resume" : "pause");
    liveChanged("buyer", id);
    return true;
  }

  /** Every target's and buyer's live settings as stored now: pause and caps. */
  public LiveSettings liveSettings() {
    return new LiveSettings(liveOf("targets"), liveOf("buyers"));
  }

  private Map<String, LiveSettings.Setting> liveOf(String table) {
    Map<String, LiveSettings.Setting> out = new java.util.HashMap<>();
    jdbc.sql("SELECT id, enabled, coalesce(settings->'caps', 'null')::text FROM " + table)
        .query(
            rs -> {
              Caps caps = read(rs.getString(3), Caps.class, table);
              out.put(rs.getString(1), new LiveSettings.Setting(rs.getBoolean(2), caps));
            });
    return out;
  }

  /** Tells every node (NOTIFY at commit) and this one (an event after commit). */
  private void liveChanged(String kind, String id) {
    jdbc.sql("SELECT pg_notify(?, ?)").params(LIVE_CHANNEL, kind + ":" + id).query().listOfRows();
    events.publishEvent(new LiveSettingsChanged(kind, id));
  }

  private void auditedAs(String type, String table, String id, String before, String verb) {
    String after = rowJson(table, "id", id);
    if (java.util.Objects.equals(before, after)) {
      return;
    }
    audit.record(
        AuditLogStore.currentActor(),
        "directory." + type + "." + verb,
        type,
        id,
        AuditLogStore.parse(before),
        AuditLogStore.parse(after));
  }

  /**
   * A SIP password is write-only: a new one is encrypted into the secret store and the target keeps
   * only its reference (what GET, the audit log and flow versions then show); a reference sent back
   * unchanged (a GET, edited, PUT again) keeps the stored password.
   */
  private Target withSecretReference(Target t) {
    if (!(t.destination() instanceof Destination.SipUri sip)
        || sip.password() == null
        || sip.password().isEmpty()) {
      return t;
    }
    String reference;
    if (SecretStore.isReference(sip.password())) {
      if (!secrets.exists(sip.password())) {
        throw new IllegalArgumentException(
            "target " + t.id() + ": no stored secret " + sip.password() + " (send the password)");
      }
      reference = sip.password();
    } else {
      reference = secrets.put(sip.password(), "target " + t.id());
    }
    return new Target(
        t.id(),
        t.name(),
        t.buyerId(),
        new Destination.SipUri(sip.uri(), sip.username(), reference),
        t.fixedPrice(),
        t.priority(),
        t.weight(),
        t.schedule(),
        t.geo(),
        t.tagFilters(),
        t.caps(),
        t.duplicateRule(),
        t.active(),
        t.minScore());
  }

  /**
   * The end of an upsert's ON CONFLICT clause: counts the save, and updates only a row still at the
   * expected version (the two parameters; null: any).
   */
  private static final String CHECKED =
      " version = %1$s.version + 1 WHERE ?::bigint IS NULL OR %1$s.version = ?::bigint";

  /** Someone else saved the entry since it was opened, or created it while it was being made. */
  public static class StaleEntry extends RuntimeException {
    StaleEntry(String message) {
      super(message);
    }
  }

  private long saved(
      String type, String table, String key, String id, String before, int updated, Long expected) {
    if (updated == 0) {
      throw stale(type.replace('-', ' '), table, key, id, expected);
    }
    audited(type, table, key, id, before);
    return version(table, key, id).orElseThrow();
  }

  private StaleEntry stale(String type, String table, String key, String id, Long expected) {
    long stored = version(table, key, id).orElse(0L);
    if (expected != null && expected == 0) {
      return new StaleEntry(
          "a " + type + " " + id + " already exists: open it to change it, or pick another id");
    }
    return new StaleEntry(
        type
            + " "
            + id
            + " was changed by someone else after you opened it (you edited version "
            + expected
            + ", version "
            + stored
            + " is stored): reload it and make your change again");
  }

  /** The stored save count of a row; table and key are constants. */
  public Optional<Long> version(String table, String key, String id) {
    return jdbc.sql("SELECT version FROM " + table + " WHERE " + key + " = ?")
        .param(id)
        .query(Long.class)
        .optional();
  }

  public boolean publisherExists(String id) {
    return jdbc.sql("SELECT count(*) FROM publishers WHERE id = ?")
            .param(id)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * What a publisher's portal shows of its calls: the caller's number and the buyer's name, each
   * hidden unless the operator allows it for that publisher.
   */
  public record PortalPrivacy(boolean showsCallerNumber, boolean showsBuyerNames) {
    public static final PortalPrivacy HIDDEN = new PortalPrivacy(false, false);
  }

  /** The publisher's portal privacy; empty if there is no such publisher. */
  public Optional<PortalPrivacy> portalPrivacy(String publisherId) {
    return jdbc.sql(
            "SELECT portal_shows_caller_number, portal_shows_buyer_names FROM publishers"
                + " WHERE id = ?")
        .param(publisherId)
        .query((rs, i) -> new PortalPrivacy(rs.getBoolean(1), rs.getBoolean(2)))
        .optional();
  }

  /**
   * Sets what the publisher's portal shows, from its next page on; audited as
   * "directory.publisher.portal". False if there is no such publisher.
   */
  @Transactional
  public boolean setPortalPrivacy(String publisherId, PortalPrivacy privacy) {
    String before = rowJson("publishers", "id", publisherId);
    if (before == null) {
      return false;
    }
    jdbc.sql(
            "UPDATE publishers SET portal_shows_caller_number = ?, portal_shows_buyer_names = ?,"
                + " version = version + 1 WHERE id = ?")
        .params(privacy.showsCallerNumber(), privacy.showsBuyerNames(), publisherId)
        .update();
    auditedAs("publisher", "publishers", publisherId, before, "portal");
    return true;
  }

  public boolean buyerExists(String id) {
    return jdbc.sql("SELECT count(*) FROM buyers WHERE id = ?").param(id).query(Long.class).single()
        > 0;
  }

  /**
   * Whether the directory is still empty (no vertical), asked while holding a transaction-level
   * lock, so that of two nodes starting on an empty database only one seeds it.
   */
  public boolean emptyUnderSeedLock() {
    jdbc.sql("SELECT pg_advisory_xact_lock(4242)").query().listOfRows();
    return jdbc.sql("SELECT count(*) FROM verticals").query(Long.class).single() == 0;
  }

  /** Whether the target exists and calls a destination other than {@code destination}. */
  public boolean targetCallsElsewhere(String targetId, String destination) {
    return jdbc.sql("SELECT count(*) FROM targets WHERE id = ? AND destination <> ?")
            .params(targetId, destination)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Each tracking number's campaign (in service or not), for copies kept in memory. */
  public Map<String, String> campaignOfEachNumber() {
    Map<String, String> out = new java.util.HashMap<>();
    jdbc.sql("SELECT number, campaign_id FROM tracking_numbers")
        .query(
            rs -> {
              out.put(rs.getString(1), rs.getString(2));
            });
    return Map.copyOf(out);
  }

  /**
   * Moves SIP passwords saved before the secret store existed (V53) into it; each target is saved
   * again with the reference, audited. Flow versions compiled earlier are immutable and keep what
   * they were reviewed with.
   *
   * @return how many targets changed
   */
  @Transactional
  public int moveSipPasswordsToSecrets() {
    List<Target> plain =
        readAll("targets", Target.class).stream()
            .filter(
                t ->
                    t.destination() instanceof Destination.SipUri sip
                        && sip.password() != null
                        && !sip.password().isEmpty()
                        && !SecretStore.isReference(sip.password()))
            .toList();
    plain.forEach(this::save);
    return plain.size();
  }

  public void save(TargetGroup g) {
    save(g, null);
  }

  /** As {@link #save(Vertical, Long)}, for a target group and its members in order. */
  @Transactional
  public long save(TargetGroup g, Long expectedVersion) {
    String before = rowJson("target_groups", "id", g.id());
    int updated =
        jdbc.sql(
                "INSERT INTO target_groups (id, name) VALUES (?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                    + CHECKED.formatted("target_groups"))
            .params(g.id(), g.name(), expectedVersion, expectedVersion)
            .update();
    if (updated == 0) {
      throw stale("target group", "target_groups", "id", g.id(), expectedVersion);
    }
    jdbc.sql("DELETE FROM target_group_members WHERE group_id = ?").param(g.id()).update();
    int priority = 1;
    for (String targetId : g.targetIds()) {
      jdbc.sql("INSERT INTO target_group_members (group_id, target_id, priority) VALUES (?, ?, ?)")
          .params(g.id(), targetId, priority++)
          .update();
    }
    return saved("target-group", "target_groups", "id", g.id(), before, updated, expectedVersion);
  }

  public void save(TrackingNumber n) {
    save(n, null);
  }

  /** As {@link #save(Vertical, Long)}, for a tracking number (which saving puts in service). */
  @Transactional
  public long save(TrackingNumber n, Long expectedVersion) {
    String before = rowJson("tracking_numbers", "number", n.e164());
    int updated =
        jdbc.sql(
                "INSERT INTO tracking_numbers (number, campaign_id, publisher_id, source_tags)"
                    + " VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (number) DO UPDATE SET"
                    + " campaign_id = excluded.campaign_id, publisher_id = excluded.publisher_id,"
                    + " source_tags = excluded.source_tags, enabled = true,"
                    + CHECKED.formatted("tracking_numbers"))
            .params(
                n.e164(),
                n.campaignId(),
                n.publisherId(),
                write(n.sourceTags()),
                expectedVersion,
                expectedVersion)
            .update();
    return saved(
        "tracking-number",
        "tracking_numbers",
        "number",
        n.e164(),
        before,
        updated,
        expectedVersion);
  }

  /**
   * Takes a tracking number out of service: calls to it get the unknown-number answer. The row
   * stays, so past calls keep their campaign and publisher; saving the number again puts it back.
   * False if there is no such number.
   */
  @Transactional
  public boolean disable(String e164) {
    String before = rowJson("tracking_numbers", "number", e164);
    if (before == null) {
      return false;
    }
    jdbc.sql("UPDATE tracking_numbers SET enabled = false, version = version + 1 WHERE number = ?")
        .param(e164)
        .update();
    audited("tracking-number", "tracking_numbers", "number", e164, before);
    return true;
  }

  /**
   * Takes these numbers of a publisher out of service, or puts them back (publisher quality's pause
   * and resume): each number that changes is audited as the signed-in user. Returns those changed.
   */
  @Transactional
  public List<String> setNumbersEnabled(
      String publisherId, java.util.Collection<String> numbers, boolean enabled) {
    List<String> changed = new java.util.ArrayList<>();
    for (String number : numbers) {
      String before = rowJson("tracking_numbers", "number", number);
      int updated =
          jdbc.sql(
                  "UPDATE tracking_numbers SET enabled = ?, version = version + 1"
                      + " WHERE number = ? AND publisher_id = ? AND enabled <> ?")
              .params(enabled, number, publisherId, enabled)
              .update();
      if (updated == 1) {
        changed.add(number);
        audit.record(
            AuditLogStore.currentActor(),
            "directory.tracking-number." + (enabled ? "resume" : "pause"),
            "tracking-number",
            number,
            AuditLogStore.parse(before),
            AuditLogStore.parse(rowJson("tracking_numbers", "number", number)));
      }
    }
    return changed;
  }

  /**
   * Records a save in the audit log when it changed the row: the row before and after, as stored (a
   * target group with its members in order).
   */
  private void audited(String type, String table, String key, String id, String before) {
    String after = rowJson(table, key, id);
    if (java.util.Objects.equals(before, after)) {
      return;
    }
    audit.record(
        AuditLogStore.currentActor(),
        "directory." + type + (before == null ? ".create" : ".update"),
        type,
        id,
        AuditLogStore.parse(before),
        AuditLogStore.parse(after));
  }

  /** The stored row as JSON text, without its creation time; table and key are constants. */
  private String rowJson(String table, String key, String id) {
    String members =
        table.equals("target_groups")
            ? " || jsonb_build_object('members', (SELECT coalesce(jsonb_agg(m.target_id ORDER BY"
                + " m.priority), '[]'::jsonb) FROM target_group_members m WHERE m.group_id ="
                + " r.id))"
            : "";
    return jdbc.sql(
            "SELECT ((to_jsonb(r) - 'created_at' - 'version')"
                + members
                + ")::text FROM "
                + table
                + " r WHERE r."
                + key
                + " = ? FOR UPDATE")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
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
    return RingtreeJson.write(value);
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
