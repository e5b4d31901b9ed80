package org.ringtree.runtime.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringtree.rules.directory.Publisher;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.directory.DirectoryListings.Listing;
import org.ringtree.runtime.directory.DirectoryListings.Query;
import org.ringtree.runtime.directory.DirectoryListings.Row;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The console's listings on real PostgreSQL with a large network (10,000 targets, 100,000 tracking
 * numbers beside the demo seed): search, sort and paging are done by the database, and each page
 * stays fast; saves are checked against the version that was opened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
// a context (and so a database) of its own: the bulk rows are bare SQL rows that other test
// classes sharing a cached context must not see
@TestPropertySource(properties = "ringtree.test.database=directory-listings")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryListingsTest extends PostgresTest {

  @Autowired DirectoryListings listings;
  @Autowired DirectoryStore store;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  void aLargeNetwork() {
    jdbc.sql("INSERT INTO buyers (id, name) VALUES ('bulk-a', 'Bulk A'), ('bulk-b', 'Bulk B')")
        .update();
    jdbc.sql(
            "INSERT INTO targets (id, buyer_id, name, kind, destination, fixed_price, settings)"
                + " SELECT 'bulk-' || i, CASE WHEN i % 2 = 0 THEN 'bulk-a' ELSE 'bulk-b' END,"
                + " 'Bulk target ' || lpad(i::text, 5, '0'), 'NUMBER', '+1512555' ||"
                + " lpad(i::text, 4, '0'), (i % 97)::numeric, jsonb_build_object('priority', i %"
                + " 5) FROM generate_series(1, 10000) i")
        .update();
    jdbc.sql("INSERT INTO publishers (id, name) VALUES ('bulk-pub', 'Bulk Publisher')").update();
    jdbc.sql(
            "INSERT INTO tracking_numbers (number, campaign_id, publisher_id, source_tags) SELECT"
                + " '+1888' || lpad(i::text, 7, '0'), (SELECT min(id) FROM campaigns), 'bulk-pub',"
                + " jsonb_build_object('batch', 'b' || (i % 10)) FROM generate_series(1, 100000) i")
        .update();
    jdbc.sql("ANALYZE").update();
  }

  @Test
  void targetsAreSortedAndPagedByTheDatabase() {
    List<Row> first =
        listings.page(Listing.TARGET, new Query("bulk target", "name", false, null), 0, 50);
    List<Row> deep =
        listings.page(Listing.TARGET, new Query("bulk target", "name", false, null), 9_950, 50);
    List<Row> byPriceDesc =
        listings.page(Listing.TARGET, new Query("", "price", true, "bulk-a"), 0, 5);

    assertThat(first).hasSize(50);
    assertThat(first.get(0).cells().get("name")).isEqualTo("Bulk target 00001");
    assertThat(first.get(49).cells().get("name")).isEqualTo("Bulk target 00050");
    assertThat(deep).hasSize(50);
    assertThat(deep.get(49).cells().get("name")).isEqualTo("Bulk target 10000");
    assertThat(deep.get(0).cells())
        .containsEntry("buyer", "Bulk B")
        .containsEntry("kind", "NUMBER");
    assertThat(byPriceDesc).allSatisfy(r -> assertThat(r.cells().get("price")).isEqualTo("96.00"));
    assertThat(byPriceDesc).allSatisfy(r -> assertThat(r.cells().get("buyer")).isEqualTo("Bulk A"));
    assertThat(listings.count(Listing.TARGET, new Query("bulk target", null, false, null)))
        .isEqualTo(10_000);
    assertThat(listings.count(Listing.TARGET, new Query("", null, false, "bulk-a")))
        .isEqualTo(5_000);
  }

  @Test
  void searchIsAPlainSubstringNotAPattern() {
    assertThat(listings.count(Listing.TARGET, new Query("target 0999", null, false, null)))
        .isEqualTo(10); // 09990..09999
    assertThat(listings.count(Listing.TARGET, new Query("%", null, false, null))).isZero();
    assertThat(listings.count(Listing.TARGET, new Query("_", null, false, null))).isZero();
    assertThat(
            listings.page(
                Listing.TRACKING_NUMBER, new Query("+18880099999", null, false, null), 0, 10))
        .extracting(Row::id)
        .containsExactly("+18880099999");
  }

  @Test
  void a100000NumberListingAnswersEachPageQuickly() {
    Query byNumberDesc = new Query("", "id", true, "bulk-pub");
    Query byTag = new Query("b7", "campaign", false, "bulk-pub");
    // warm the plan cache and the buffers once, as a running console would have
    listings.page(Listing.TRACKING_NUMBER, byNumberDesc, 0, 50);

    long started = System.nanoTime();
    List<Row> first = listings.page(Listing.TRACKING_NUMBER, byNumberDesc, 0, 50);
    List<Row> deep = listings.page(Listing.TRACKING_NUMBER, byNumberDesc, 90_000, 50);
    int tagged = listings.count(Listing.TRACKING_NUMBER, byTag);
    List<Row> taggedPage = listings.page(Listing.TRACKING_NUMBER, byTag, 5_000, 50);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(first.get(0).id()).isEqualTo("+18880100000");
    assertThat(deep).hasSize(50);
    assertThat(deep.get(0).id()).isEqualTo("+18880010000");
    assertThat(tagged).isEqualTo(10_000);
    assertThat(taggedPage)
        .hasSize(50)
        .allSatisfy(r -> assertThat(r.cells().get("tags")).isEqualTo("batch=b7"));
    System.out.println("four listing queries over 100,000 numbers: " + millis + " ms");
    assertThat(millis).isLessThan(2_000);
  }

  @Test
  void anUnknownSortKeyIsRefusedNotPastedIntoSql() {
    assertThatThrownBy(
            () ->
                listings.page(
                    Listing.TARGET, new Query("", "name; DROP TABLE targets", false, null), 0, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot sort TARGET by");
  }

  @Test
  void aSaveFromAStaleVersionIsRefusedAndTheStoredEntryKept() {
    long v1 = store.save(new Publisher("race-pub", "First"), 0L);
    long v2 = store.save(new Publisher("race-pub", "Second"), v1);

    assertThat(v2).isEqualTo(v1 + 1);
    assertThatThrownBy(() -> store.save(new Publisher("race-pub", "Stale"), v1))
        .isInstanceOf(StaleEntry.class)
        .hasMessageContaining("changed by someone else")
        .hasMessageContaining("you edited version " + v1 + ", version " + v2 + " is stored");
    assertThatThrownBy(() -> store.save(new Publisher("race-pub", "Again"), 0L))
        .isInstanceOf(StaleEntry.class)
        .hasMessageContaining("already exists");
    assertThat(listings.stored(Listing.PUBLISHER, "race-pub").orElseThrow().json())
        .contains("Second");
    // a save that did not happen leaves no audit entry
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_log WHERE object_id = 'race-pub'")
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aStoredTargetReadsBackAsTheRecordThatWasSaved() {
    Target t =
        Target.fixed("stored-1", "bulk-a", "+15125550199", Money.usd("12.5"))
            .withPriorityAndWeight(3, 2);
    long version = store.save(t, 0L);

    DirectoryListings.Stored stored = listings.stored(Listing.TARGET, "stored-1").orElseThrow();

    assertThat(stored.version()).isEqualTo(version);
    assertThat(stored.json()).contains("\"priority\": 3").contains("+15125550199");
    assertThat(listings.stored(Listing.TARGET, "no-such")).isEmpty();
  }
}
