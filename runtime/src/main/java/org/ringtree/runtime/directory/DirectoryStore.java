package org.ringtree.runtime.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.Publisher;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.directory.TargetGroup;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.directory.Vertical;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.directory.VersionedRows.RowKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory (verticals, campaigns, publishers, buyers, targets, tracking numbers) in
 * PostgreSQL. Each row keeps its key fields in columns, for SQL and reports, and the whole rules
 * record as JSON in {@code settings}, so what the engine sees is exactly what was saved. Saves are
 * versioned and audited through {@link VersionedRows}; target groups are kept by {@link
 * TargetGroupStore}, and changes to live settings announced through {@link LiveSettingsFeed}.
 */
@Repository
@Store(owns = {"verticals", "campaigns", "publishers", "buyers", "targets", "tracking_numbers"})
public class DirectoryStore {

  private static final RowKind VERTICAL = new RowKind("vertical", "verticals", "id");
  private static final RowKind CAMPAIGN = new RowKind("campaign", "campaigns", "id");
  private static final RowKind PUBLISHER = new RowKind("publisher", "publishers", "id");
  private static final RowKind BUYER = new RowKind("buyer", "buyers", "id");
  private static final RowKind TARGET = new RowKind("target", "targets", "id");
  private static final RowKind TRACKING_NUMBER =
      new RowKind("tracking-number", "tracking_numbers", "number");

  private final JdbcClient jdbc;
  private final VersionedRows rows;
  private final TargetGroupStore groups;
  private final TargetAdmission admission;
  private final LiveSettingsFeed live;

  DirectoryStore(
      JdbcClient jdbc,
      VersionedRows rows,
      TargetGroupStore groups,
      TargetAdmission admission,
      LiveSettingsFeed live) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.groups = groups;
    this.admission = admission;
    this.live = live;
  }

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
    String before = rows.lockedRow(VERTICAL, v.id());
    int updated =
        jdbc.sql(
                "INSERT INTO verticals (id, name) VALUES (?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                    + VERTICAL.checkedUpdate())
            .params(v.id(), v.name(), expectedVersion, expectedVersion)
            .update();
    return rows.saved(VERTICAL, v.id(), before, updated, expectedVersion);
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
    String before = rows.lockedRow(CAMPAIGN, c.id());
    int updated =
        jdbc.sql(
                "INSERT INTO campaigns (id, vertical_id, name, currency, timezone, settings)"
                    + " VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO UPDATE SET"
                    + " vertical_id = excluded.vertical_id, name = excluded.name,"
                    + " currency = excluded.currency, timezone = excluded.timezone,"
                    + " settings = excluded.settings,"
                    + CAMPAIGN.checkedUpdate())
            .params(
                c.id(),
                c.verticalId(),
                c.name(),
                c.currency(),
                timezone,
                DirectoryJson.write(c),
                expectedVersion,
                expectedVersion)
            .update();
    return rows.saved(CAMPAIGN, c.id(), before, updated, expectedVersion);
  }

  public void save(Publisher p) {
    save(p, null);
  }

  /** As {@link #save(Vertical, Long)}, for a publisher. */
  @Transactional
  public long save(Publisher p, Long expectedVersion) {
    String before = rows.lockedRow(PUBLISHER, p.id());
    int updated =
        jdbc.sql(
                "INSERT INTO publishers (id, name, settings) VALUES (?, ?, ?::jsonb)"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                    + " settings = excluded.settings,"
                    + PUBLISHER.checkedUpdate())
            .params(p.id(), p.name(), DirectoryJson.write(p), expectedVersion, expectedVersion)
            .update();
    return rows.saved(PUBLISHER, p.id(), before, updated, expectedVersion);
  }

  public void save(Buyer b) {
    save(b, null);
  }

  /** As {@link #save(Vertical, Long)}, for a buyer. */
  @Transactional
  public long save(Buyer b, Long expectedVersion) {
    String before = rows.lockedRow(BUYER, b.id());
    int updated =
        jdbc.sql(
                "INSERT INTO buyers (id, name, settings) VALUES (?, ?, ?::jsonb)"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                    + " settings = excluded.settings,"
                    + BUYER.checkedUpdate())
            .params(b.id(), b.name(), DirectoryJson.write(b), expectedVersion, expectedVersion)
            .update();
    long version = rows.saved(BUYER, b.id(), before, updated, expectedVersion);
    live.changed("buyer", b.id());
    return version;
  }

  /**
   * @throws IllegalArgumentException when {@link TargetAdmission} refuses the target; nothing is
   *     saved
   */
  public void save(Target t) {
    save(t, null);
  }

  /** As {@link #save(Vertical, Long)}, for a target. */
  @Transactional
  public long save(Target t, Long expectedVersion) {
    t = admission.admitted(t);
    String before = rows.lockedRow(TARGET, t.id());
    int updated =
        jdbc.sql(
                "INSERT INTO targets (id, buyer_id, name, kind, destination, fixed_price, settings,"
                    + " enabled) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (id) DO UPDATE SET"
                    + " buyer_id = excluded.buyer_id, name = excluded.name, kind = excluded.kind,"
                    + " destination = excluded.destination, fixed_price = excluded.fixed_price,"
                    + " settings = excluded.settings, enabled = excluded.enabled,"
                    + TARGET.checkedUpdate())
            .params(
                t.id(),
                t.buyerId(),
                t.name(),
                TargetAdmission.kind(t.destination()),
                TargetAdmission.address(t.destination()),
                t.fixedPrice() == null ? null : t.fixedPrice().amount(),
                DirectoryJson.write(t),
                t.active(),
                expectedVersion,
                expectedVersion)
            .update();
    long version = rows.saved(TARGET, t.id(), before, updated, expectedVersion);
    live.changed("target", t.id());
    return version;
  }

  /**
   * Pauses or resumes a target for the next call, without a flow version (a live setting, see
   * {@link org.ringtree.rules.directory.SettingScope}); audited. False if there is no such target.
   */
  @Transactional
  public boolean setTargetActive(String id, boolean active) {
    String before = rows.lockedRow(TARGET, id);
    if (before == null) {
      return false;
    }
    jdbc.sql(
            "UPDATE targets SET enabled = ?, settings = jsonb_set(settings, '{active}',"
                + " to_jsonb(?::boolean)), version = version + 1 WHERE id = ?")
        .params(active, active, id)
        .update();
    rows.audited(TARGET, id, before, active ? "resume" : "pause");
    live.changed("target", id);
    return true;
  }

  /**
   * Pauses or resumes every target of a buyer for the next call, without a flow version; audited.
   * False if there is no such buyer.
   */
  @Transactional
  public boolean setBuyerActive(String id, boolean active) {
    String before = rows.lockedRow(BUYER, id);
    if (before == null) {
      return false;
    }
    jdbc.sql("UPDATE buyers SET enabled = ?, version = version + 1 WHERE id = ?")
        .params(active, id)
        .update();
    rows.audited(BUYER, id, before, active ? "resume" : "pause");
    live.changed("buyer", id);
    return true;
  }

  /** The stored save count of a row; table and key are constants. */
  public Optional<Long> version(String table, String key, String id) {
    return rows.version(table, key, id);
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
    String before = rows.lockedRow(PUBLISHER, publisherId);
    if (before == null) {
      return false;
    }
    jdbc.sql(
            "UPDATE publishers SET portal_shows_caller_number = ?, portal_shows_buyer_names = ?,"
                + " version = version + 1 WHERE id = ?")
        .params(privacy.showsCallerNumber(), privacy.showsBuyerNames(), publisherId)
        .update();
    rows.audited(PUBLISHER, publisherId, before, "portal");
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
            .filter(TargetAdmission::hasPlainSipPassword)
            .toList();
    plain.forEach(this::save);
    return plain.size();
  }

  public void save(TrackingNumber n) {
    save(n, null);
  }

  /** As {@link #save(Vertical, Long)}, for a tracking number (which saving puts in service). */
  @Transactional
  public long save(TrackingNumber n, Long expectedVersion) {
    String before = rows.lockedRow(TRACKING_NUMBER, n.e164());
    int updated =
        jdbc.sql(
                "INSERT INTO tracking_numbers (number, campaign_id, publisher_id, source_tags)"
                    + " VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (number) DO UPDATE SET"
                    + " campaign_id = excluded.campaign_id, publisher_id = excluded.publisher_id,"
                    + " source_tags = excluded.source_tags, enabled = true,"
                    + TRACKING_NUMBER.checkedUpdate())
            .params(
                n.e164(),
                n.campaignId(),
                n.publisherId(),
                DirectoryJson.write(n.sourceTags()),
                expectedVersion,
                expectedVersion)
            .update();
    return rows.saved(TRACKING_NUMBER, n.e164(), before, updated, expectedVersion);
  }

  /**
   * Takes a tracking number out of service: calls to it get the unknown-number answer. The row
   * stays, so past calls keep their campaign and publisher; saving the number again puts it back.
   * False if there is no such number.
   */
  @Transactional
  public boolean disable(String e164) {
    String before = rows.lockedRow(TRACKING_NUMBER, e164);
    if (before == null) {
      return false;
    }
    jdbc.sql("UPDATE tracking_numbers SET enabled = false, version = version + 1 WHERE number = ?")
        .param(e164)
        .update();
    rows.audited(TRACKING_NUMBER, e164, before, "update");
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
      String before = rows.lockedRow(TRACKING_NUMBER, number);
      int updated =
          jdbc.sql(
                  "UPDATE tracking_numbers SET enabled = ?, version = version + 1"
                      + " WHERE number = ? AND publisher_id = ? AND enabled <> ?")
              .params(enabled, number, publisherId, enabled)
              .update();
      if (updated == 1) {
        changed.add(number);
        rows.audited(TRACKING_NUMBER, number, before, enabled ? "resume" : "pause");
      }
    }
    return changed;
  }

  public Optional<TrackingNumber> trackingNumber(String e164) {
    return jdbc.sql(
            "SELECT number, campaign_id, publisher_id, source_tags::text FROM tracking_numbers"
                + " WHERE number = ? AND enabled")
        .param(e164)
        .query(DirectoryStore::trackingNumberRow)
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
    List<TargetGroup> targetGroups = groups.all();
    List<TrackingNumber> numbers =
        jdbc.sql(
                "SELECT number, campaign_id, publisher_id, source_tags::text FROM tracking_numbers")
            .query(DirectoryStore::trackingNumberRow)
            .list();
    return new DirectorySnapshot(
        verticals, campaigns, publishers, buyers, targets, targetGroups, numbers, connectorIds);
  }

  private <T> List<T> readAll(String table, Class<T> type) {
    return jdbc.sql("SELECT settings::text FROM " + table + " ORDER BY id")
        .query((rs, i) -> DirectoryJson.read(rs.getString(1), type, table))
        .list();
  }

  /** A row of number, campaign_id, publisher_id and source_tags. */
  private static TrackingNumber trackingNumberRow(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    return new TrackingNumber(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        DirectoryJson.readSourceTags(rs.getString(4)));
  }
}
