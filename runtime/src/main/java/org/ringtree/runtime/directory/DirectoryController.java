package org.ringtree.runtime.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.Publisher;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.directory.TargetGroup;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.directory.Vertical;
import org.ringtree.rules.json.RingtreeJson;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: the network's directory — verticals, campaigns, publishers, buyers, targets, target groups
 * and tracking numbers. Staff read it; admins and operators create and change entries with PUT
 * (create or replace, by id) and take a tracking number out of service with DELETE, each change
 * audited with the row before and after.
 *
 * <p>When a change reaches calls: a tracking number (and so its campaign and publisher) at the next
 * call to it; a target's or buyer's pause and caps at the next call too (live settings, see
 * LiveSettingsController); their other settings and campaigns' when a flow version compiled against
 * them is published, because each flow version carries the directory it was reviewed with.
 *
 * <p>GET of one entry and each PUT answer the stored version as the ETag; sending it back as {@code
 * If-Match} makes the next PUT refuse (409) when someone else saved the entry in between ({@code
 * If-Match: "0"}: create only). Without If-Match a PUT replaces whatever is stored, as before.
 *
 * <p>Bodies are read with the rules' own JSON mapping, the one the directory is stored with, so
 * what GET returns can be sent back with PUT; they are taken as text for that reason, and the
 * annotations give the OpenAPI document their real shapes.
 */
@RestController
@RequestMapping("/api/directory")
class DirectoryController {

  private static final ObjectMapper JSON = RingtreeJson.mapper();

  private final DirectoryStore directory;
  private final TargetGroupStore targetGroups;
  private final DirectoryListings listings;
  private final Map<String, EntryWriter> writers;

  DirectoryController(
      DirectoryStore directory, TargetGroupStore targetGroups, DirectoryListings listings) {
    this.directory = directory;
    this.targetGroups = targetGroups;
    this.listings = listings;
    this.writers = writers();
  }

  /** The path segment of each kind of entry, as GET and PUT use it. */
  private static final Map<String, DirectoryListings.Listing> KINDS =
      Map.of(
          "verticals", DirectoryListings.Listing.VERTICAL,
          "campaigns", DirectoryListings.Listing.CAMPAIGN,
          "publishers", DirectoryListings.Listing.PUBLISHER,
          "buyers", DirectoryListings.Listing.BUYER,
          "targets", DirectoryListings.Listing.TARGET,
          "target-groups", DirectoryListings.Listing.TARGET_GROUP,
          "tracking-numbers", DirectoryListings.Listing.TRACKING_NUMBER);

  /**
   * One entry in the shape PUT accepts (a campaign with its timezone, a tracking number with
   * whether it is in service), with its version as the ETag to send back as If-Match.
   */
  @GetMapping(path = "/{kind}/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> one(@PathVariable String kind, @PathVariable String id) {
    DirectoryListings.Listing listing = KINDS.get(kind);
    if (listing == null) {
      return unknownKind(kind);
    }
    return listings
        .stored(listing, id)
        .map(
            s -> {
              ObjectNode body = (ObjectNode) tree(s.json());
              if (listing == DirectoryListings.Listing.CAMPAIGN) {
                body.put("timezone", s.timezone());
              }
              if (listing == DirectoryListings.Listing.TRACKING_NUMBER) {
                body.put("enabled", s.enabled());
              }
              return ResponseEntity.ok()
                  .eTag("\"" + s.version() + "\"")
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(body.toString());
            })
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(
                        JSON.createObjectNode()
                            .put("error", "no " + kind + " entry " + id)
                            .toString()));
  }

  /** Everything, in the shape PUT accepts. */
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = DirectorySnapshot.class)))
  String all() throws JsonProcessingException {
    return JSON.writeValueAsString(directory.snapshot(Set.of()));
  }

  /**
   * Creates or replaces one entry of any kind (the OpenAPI document lists each kind's path with its
   * body, see {@link DirectoryApiReference}).
   */
  @PutMapping(path = "/{kind}/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              schema =
                  @Schema(
                      oneOf = {
                        Vertical.class,
                        Campaign.class,
                        Publisher.class,
                        Buyer.class,
                        Target.class,
                        TargetGroup.class,
                        TrackingNumber.class
                      })))
  ResponseEntity<String> put(
      @PathVariable String kind,
      @PathVariable String id,
      @RequestBody String body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    EntryWriter writer = writers.get(kind);
    if (writer == null) {
      return unknownKind(kind);
    }
    return writer.put().put(id, body, ifMatch);
  }

  /** How PUT reads, checks and saves one kind of entry, whose body is a {@code type}. */
  private record EntryWriter(Class<?> type, Put put) {}

  @FunctionalInterface
  private interface Put {
    ResponseEntity<String> put(String id, String body, String ifMatch);
  }

  /** The body each kind's PUT takes, by path segment (for the OpenAPI document). */
  Map<String, Class<?>> bodyTypes() {
    Map<String, Class<?>> types = new TreeMap<>();
    writers.forEach((kind, writer) -> types.put(kind, writer.type()));
    return types;
  }

  private Map<String, EntryWriter> writers() {
    return Map.of(
        "verticals",
        writer(Vertical.class, Vertical::id, directory::save),
        "campaigns",
        new EntryWriter(Campaign.class, this::putCampaign),
        "publishers",
        writer(Publisher.class, Publisher::id, directory::save),
        "buyers",
        writer(Buyer.class, Buyer::id, directory::save),
        "targets",
        new EntryWriter(
            Target.class,
            (id, body, ifMatch) ->
                save(
                    id,
                    body,
                    ifMatch,
                    Target.class,
                    Target::id,
                    directory::save,
                    // the stored target: a SIP password comes back as its secret reference
                    t -> directory.snapshot(Set.of()).target(t.id()).orElse(t))),
        "target-groups",
        writer(TargetGroup.class, TargetGroup::id, targetGroups::save),
        "tracking-numbers",
        new EntryWriter(TrackingNumber.class, this::putTrackingNumber));
  }

  private <T> EntryWriter writer(
      Class<T> type, Function<T, String> idOf, BiFunction<T, Long, Long> store) {
    return new EntryWriter(
        type, (id, body, ifMatch) -> save(id, body, ifMatch, type, idOf, store, t -> t));
  }

  /** A campaign's body also carries its {@code timezone} (an IANA name). */
  private ResponseEntity<String> putCampaign(String id, String body, String ifMatch) {
    JsonNode tree = tree(body);
    String timezone = tree.path("timezone").asText("");
    try {
      ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new BadEntry(
          "a campaign needs \"timezone\", an IANA name such as America/New_York; got \""
              + timezone
              + "\"");
    }
    ((ObjectNode) tree).remove("timezone");
    return save(
        id,
        tree.toString(),
        ifMatch,
        Campaign.class,
        Campaign::id,
        (c, expected) -> directory.save(c, timezone, expected),
        c -> c);
  }

  /** The number in E.164, URL-encoded in the path ({@code %2B18885550101}). */
  private ResponseEntity<String> putTrackingNumber(String number, String body, String ifMatch) {
    if (!number.matches("\\+[1-9][0-9]{6,14}")) {
      throw new BadEntry("a tracking number is E.164, such as +18885550101; got " + number);
    }
    return save(
        number, body, ifMatch, TrackingNumber.class, TrackingNumber::e164, directory::save, n -> n);
  }

  /**
   * Takes the number out of service (its calls get the unknown-number answer); PUT puts it back.
   */
  @DeleteMapping("/tracking-numbers/{id}")
  ResponseEntity<Map<String, Object>> disableTrackingNumber(@PathVariable("id") String number) {
    if (!directory.disable(number)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(Map.of("error", "no tracking number " + number));
    }
    return ResponseEntity.ok(Map.of("e164", number, "enabled", false));
  }

  /**
   * Saves the entry; with {@code If-Match} (the ETag a previous PUT answered, or {@code "0"} for
   * "create only"), only while the stored entry is still at that version.
   */
  private <T> ResponseEntity<String> save(
      String id,
      String body,
      String ifMatch,
      Class<T> type,
      Function<T, String> idOf,
      BiFunction<T, Long, Long> store,
      Function<T, Object> stored) {
    Long expected = expectedVersion(ifMatch);
    T entry;
    try {
      entry = JSON.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new BadEntry("not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
    }
    if (!Objects.equals(id, idOf.apply(entry))) {
      throw new BadEntry(
          "the id in the path (" + id + ") and in the body (" + idOf.apply(entry) + ") differ");
    }
    long version;
    try {
      version = store.apply(entry, expected);
    } catch (IllegalArgumentException e) {
      throw new BadEntry(e.getMessage()); // e.g. an RTB URL Ringtree would not call
    }
    try {
      return ResponseEntity.ok()
          .eTag("\"" + version + "\"")
          .contentType(MediaType.APPLICATION_JSON)
          .body(JSON.writeValueAsString(stored.apply(entry)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The version an If-Match header names ({@code "3"}, {@code W/"3"} or {@code 3}); null: none. */
  static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
    if (!v.matches("[0-9]{1,18}")) {
      throw new BadEntry(
          "If-Match names the version you edited, as the ETag of the last save (\"3\"), or \"0\""
              + " to create only; got "
              + ifMatch);
    }
    return Long.parseLong(v);
  }

  private static ResponseEntity<String> unknownKind(String kind) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            JSON.createObjectNode()
                .put("error", "no kind of directory entry called " + kind)
                .toString());
  }

  private static JsonNode tree(String body) {
    try {
      JsonNode tree = JSON.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw new BadEntry("expected a JSON object");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new BadEntry("not JSON: " + e.getOriginalMessage());
    }
  }

  /** A body that does not describe a valid entry. */
  static class BadEntry extends RuntimeException {
    BadEntry(String message) {
      super(message);
    }
  }

  @ExceptionHandler(BadEntry.class)
  ResponseEntity<Map<String, String>> bad(BadEntry e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }

  /** Someone else saved the entry after the version the request names. */
  @ExceptionHandler(StaleEntry.class)
  ResponseEntity<Map<String, String>> stale(StaleEntry e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
  }

  /** A reference to something that does not exist (a campaign, buyer, target…), or a duplicate. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Map<String, String>> refused(DataIntegrityViolationException e) {
    // PostgreSQL names the offending key in its "Detail:" line, e.g. Key (campaign_id)=(x) is not
    // present in table "campaigns".
    String message = String.valueOf(e.getMostSpecificCause().getMessage());
    String reason =
        message
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith("Detail:"))
            .map(l -> l.substring("Detail:".length()).strip())
            .findFirst()
            .orElse(message.lines().findFirst().orElse(message));
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(Map.of("error", "refused: " + reason));
  }
}
