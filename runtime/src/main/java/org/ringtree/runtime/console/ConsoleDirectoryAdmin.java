package org.ringtree.runtime.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.editor.directory.DirectoryAdminPort;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.Publisher;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.directory.TargetGroup;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.directory.Vertical;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.runtime.directory.DirectoryListings;
import org.ringtree.runtime.directory.DirectoryListings.Listing;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.directory.StaleEntry;
import org.ringtree.runtime.directory.TargetGroupStore;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The network screens' port: the same store, checks, audit and words as PUT /api/directory, with
 * the version the operator opened checked on every save. Roles are checked again here (admins and
 * operators, as for the REST PUTs), whatever the screen showed.
 */
@Component
class ConsoleDirectoryAdmin implements DirectoryAdminPort {

  private static final ObjectMapper JSON = RingtreeJson.mapper();

  private final DirectoryStore store;
  private final TargetGroupStore targetGroups;
  private final DirectoryListings listings;

  ConsoleDirectoryAdmin(
      DirectoryStore store, TargetGroupStore targetGroups, DirectoryListings listings) {
    this.store = store;
    this.targetGroups = targetGroups;
    this.listings = listings;
  }

  @Override
  public List<Row> page(Kind kind, Query query, int offset, int limit) {
    requireStaff();
    return listings.page(listing(kind), query(query), offset, limit).stream()
        .map(r -> new Row(r.id(), r.version(), r.cells()))
        .toList();
  }

  @Override
  public int count(Kind kind, Query query) {
    requireStaff();
    return listings.count(listing(kind), query(query));
  }

  @Override
  public Optional<Stored> find(Kind kind, String id) {
    requireStaff();
    return listings
        .stored(listing(kind), id)
        .map(s -> new Stored(read(s.json(), type(kind)), s.version(), s.timezone(), s.enabled()));
  }

  @Override
  public Outcome save(Kind kind, Stored draft) {
    requireStaff();
    Long expected = draft.version();
    try {
      long version =
          switch (kind) {
            case VERTICAL -> store.save((Vertical) draft.entry(), expected);
            case CAMPAIGN -> saveCampaign((Campaign) draft.entry(), draft.timezone(), expected);
            case PUBLISHER -> store.save((Publisher) draft.entry(), expected);
            case BUYER -> saveBuyer((Buyer) draft.entry(), draft.inService(), expected);
            case TARGET -> store.save((Target) draft.entry(), expected);
            case TARGET_GROUP -> targetGroups.save((TargetGroup) draft.entry(), expected);
            case TRACKING_NUMBER ->
                saveNumber((TrackingNumber) draft.entry(), draft.inService(), expected);
          };
      return new Outcome.Saved(version);
    } catch (StaleEntry e) {
      return new Outcome.Conflict(e.getMessage());
    } catch (IllegalArgumentException e) {
      return new Outcome.Refused(fieldOf(e.getMessage()), e.getMessage());
    } catch (DataIntegrityViolationException e) {
      return refused(e);
    }
  }

  private long saveCampaign(Campaign c, String timezone, Long expected) {
    try {
      ZoneId.of(timezone == null ? "" : timezone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "a campaign needs \"timezone\", an IANA name such as America/New_York; got \""
              + timezone
              + "\"");
    }
    return store.save(c, timezone, expected);
  }

  /**
   * The buyer's record, then its pause or resume when the form changed it: the same live setting
   * and audit entry ("directory.buyer.pause" / "resume") as PUT /api/directory/buyers/{id}/active.
   */
  private long saveBuyer(Buyer b, boolean active, Long expected) {
    boolean wasActive =
        listings.stored(Listing.BUYER, b.id()).map(DirectoryListings.Stored::enabled).orElse(true);
    long version = store.save(b, expected);
    if (active != wasActive) {
      store.setBuyerActive(b.id(), active);
      version = store.version("buyers", "id", b.id()).orElse(version);
    }
    return version;
  }

  /** Saving puts a number in service (as PUT does); out of service is then the DELETE's step. */
  private long saveNumber(TrackingNumber n, boolean inService, Long expected) {
    if (!n.e164().matches("\\+[1-9][0-9]{6,14}")) {
      throw new IllegalArgumentException(
          "a tracking number is E.164, such as +18885550101; got " + n.e164());
    }
    long version = store.save(n, expected);
    if (!inService) {
      store.disable(n.e164());
      version = store.version("tracking_numbers", "number", n.e164()).orElse(version);
    }
    return version;
  }

  /**
   * A dangling reference, in the REST API's words (PostgreSQL's Detail line), followed by what it
   * means, on the field that holds the reference.
   */
  private static Outcome refused(DataIntegrityViolationException e) {
    String message = String.valueOf(e.getMostSpecificCause().getMessage());
    String detail =
        message
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith("Detail:"))
            .map(l -> l.substring("Detail:".length()).strip())
            .findFirst()
            .orElse(message.lines().findFirst().orElse(message));
    var m = java.util.regex.Pattern.compile("Key \\((\\w+)\\)=\\((.*?)\\)").matcher(detail);
    if (m.find()) {
      String column = m.group(1);
      String field = REFERENCES.getOrDefault(column, null);
      String what = column.replace("_id", "").replace('_', ' ');
      String sentence =
          detail.contains("is not present")
              ? "there is no " + what + " " + m.group(2) + " (it may have been removed meanwhile)"
              : "it is still used: " + detail;
      return new Outcome.Refused(field, "refused: " + detail + " — " + sentence);
    }
    return new Outcome.Refused(null, "refused: " + detail);
  }

  private static final Map<String, String> REFERENCES =
      Map.of(
          "vertical_id", "verticalId",
          "buyer_id", "buyerId",
          "campaign_id", "campaignId",
          "publisher_id", "publisherId",
          "target_id", "targetIds");

  /** Which form field an IllegalArgumentException from the store or the rules is about. */
  static String fieldOf(String message) {
    String m = message == null ? "" : message;
    if (m.contains("RTB URL")) {
      return "rtbUrl";
    }
    if (m.contains("payout duplicate window")) {
      return "payoutDuplicateWindow";
    }
    if (m.contains("duplicate window")) {
      return "duplicateWindow";
    }
    if (m.contains("no stored secret")) {
      return "sipPassword";
    }
    if (m.contains("timezone")) {
      return "timezone";
    }
    if (m.contains("E.164")) {
      return "id";
    }
    return null;
  }

  private static void requireStaff() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    boolean allowed =
        auth != null
            && auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_ADMIN") || a.equals("ROLE_OPERATOR"));
    if (!allowed) {
      throw new AccessDeniedException("the network screens are for admins and operators");
    }
  }

  private static Listing listing(Kind kind) {
    return Listing.valueOf(kind.name());
  }

  private static DirectoryListings.Query query(Query q) {
    return new DirectoryListings.Query(q.search(), q.sortKey(), q.descending(), q.ownerId());
  }

  private static Class<?> type(Kind kind) {
    return switch (kind) {
      case VERTICAL -> Vertical.class;
      case CAMPAIGN -> Campaign.class;
      case PUBLISHER -> Publisher.class;
      case BUYER -> Buyer.class;
      case TARGET -> Target.class;
      case TARGET_GROUP -> TargetGroup.class;
      case TRACKING_NUMBER -> TrackingNumber.class;
    };
  }

  private static Object read(String json, Class<?> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
