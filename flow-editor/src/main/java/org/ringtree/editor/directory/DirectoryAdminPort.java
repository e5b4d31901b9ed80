package org.ringtree.editor.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the network screens need from the platform: pages of each directory listing (searched,
 * sorted and paged by the database), one stored entry with its version, and saves checked against
 * that version. The platform implements it with the same store, rules and audit as the REST API
 * (/api/directory), and checks the signed-in role again behind every call.
 */
public interface DirectoryAdminPort {

  /** The kinds of directory entry, each with its grid columns (key and header) in order. */
  enum Kind {
    VERTICAL("vertical", "id:Id", "name:Name", "campaigns:Campaigns"),
    CAMPAIGN(
        "campaign",
        "id:Id",
        "name:Name",
        "vertical:Vertical",
        "timezone:Time zone",
        "currency:Currency",
        "numbers:Numbers in service"),
    PUBLISHER("publisher", "id:Id", "name:Name", "numbers:Numbers in service"),
    BUYER(
        "buyer",
        "id:Id",
        "name:Name",
        "targets:Targets",
        "concurrency:Concurrency cap",
        "daily:Daily cap",
        "active:Active"),
    TARGET(
        "target",
        "id:Id",
        "name:Name",
        "buyer:Buyer",
        "kind:Kind",
        "destination:Destination",
        "priority:Priority",
        "price:Fixed price",
        "active:Active"),
    TARGET_GROUP("target group", "id:Id", "name:Name", "targets:Targets"),
    TRACKING_NUMBER(
        "tracking number",
        "id:Number",
        "campaign:Campaign",
        "publisher:Publisher",
        "tags:Source tags",
        "inService:In service");

    private final String noun;
    private final List<String[]> columns;

    Kind(String noun, String... columns) {
      this.noun = noun;
      this.columns = java.util.Arrays.stream(columns).map(c -> c.split(":", 2)).toList();
    }

    /** "target group", as the API's messages name it. */
    public String noun() {
      return noun;
    }

    /** Column keys in order; each is also a sort key. */
    public List<String> columnKeys() {
      return columns.stream().map(c -> c[0]).toList();
    }

    public String header(String key) {
      return columns.stream().filter(c -> c[0].equals(key)).map(c -> c[1]).findFirst().orElse(key);
    }
  }

  /**
   * A grid's request: a substring to search for (blank: all), a column key to sort by (null: the
   * listing's default), and optionally only the entries of one owner (a buyer's targets, a
   * publisher's numbers, a vertical's campaigns).
   */
  record Query(String search, String sortKey, boolean descending, String ownerId) {
    public static Query all() {
      return new Query("", null, false, null);
    }
  }

  /** One grid row: the entry's id, its version, and each column's value as text. */
  record Row(String id, long version, Map<String, String> cells) {}

  /**
   * A stored entry (a rules record: {@code Target}, {@code Campaign}…) and its version; a
   * campaign's timezone, and whether a tracking number is in service or a buyer is active (not
   * paused), travel beside it, as over REST. For a save, {@code version} is the one the operator
   * opened (0: a new entry); a buyer's changed {@code inService} pauses or resumes it as {@code PUT
   * /api/directory/buyers/{id}/active} does, live and audited the same way.
   */
  record Stored(Object entry, long version, String timezone, boolean inService) {
    public static Stored fresh(Object entry) {
      return new Stored(entry, 0, null, true);
    }
  }

  /** What became of a save. */
  sealed interface Outcome {
    /** Saved and audited; {@code version} is the one now stored. */
    record Saved(long version) implements Outcome {}

    /**
     * Refused with the API's own words; {@code field} names the form field at fault (null when none
     * does).
     */
    record Refused(String field, String message) implements Outcome {}

    /** Someone else saved the entry after it was opened (or created the same id meanwhile). */
    record Conflict(String message) implements Outcome {}
  }

  List<Row> page(Kind kind, Query query, int offset, int limit);

  int count(Kind kind, Query query);

  Optional<Stored> find(Kind kind, String id);

  Outcome save(Kind kind, Stored draft);
}
