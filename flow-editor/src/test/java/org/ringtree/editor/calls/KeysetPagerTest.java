package org.ringtree.editor.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The grid's offsets served from a keyset source: in order, no row twice, none skipped. */
class KeysetPagerTest {

  /** 1,234 calls; a cursor is the index of the last row handed out, like the API's opaque one. */
  static final List<CallLogPort.Row> LOG =
      IntStream.range(0, 1234).mapToObj(KeysetPagerTest::row).toList();

  static CallLogPort.Row row(int i) {
    return new CallLogPort.Row(
        "CA" + i,
        Instant.EPOCH,
        "completed",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "USD",
        null,
        false,
        false);
  }

  final List<String> asked = new ArrayList<>();

  final KeysetPager pager =
      new KeysetPager(
          (cursor, limit) -> {
            asked.add(cursor + ":" + limit);
            assertThat(limit).isBetween(1, KeysetPager.MAX_PAGE);
            int from = cursor == null ? 0 : Integer.parseInt(cursor) + 1;
            int to = Math.min(LOG.size(), from + limit);
            return new CallLogPort.Page(
                LOG.subList(from, to), to < LOG.size() ? Integer.toString(to - 1) : null);
          });

  @Test
  void scrollingOnAsksOnceAPageFromTheLastCursor() {
    List<CallLogPort.Row> seen = new ArrayList<>();
    for (int offset = 0; offset < 1300; offset += 100) {
      seen.addAll(pager.rows(offset, 100));
    }
    assertThat(seen).isEqualTo(LOG);
    // 13 grid pages, one request each: every page starts at the cursor the previous one left
    assertThat(pager.requests()).isEqualTo(13);
    assertThat(asked.get(1)).isEqualTo("99:100");
  }

  @Test
  void aJumpAheadWalksFromTheNearestKnownCursorAndIsRemembered() {
    assertThat(pager.rows(1100, 50)).isEqualTo(LOG.subList(1100, 1150));
    int walked = pager.requests();
    assertThat(walked).isEqualTo(3); // 500 + 500 + 150: never more than the API's maximum
    assertThat(pager.rows(1150, 50)).isEqualTo(LOG.subList(1150, 1200));
    assertThat(pager.requests()).isEqualTo(walked + 1);
    // going back starts at a remembered cursor, not from the top
    assertThat(pager.rows(520, 10)).isEqualTo(LOG.subList(520, 530));
    assertThat(asked.get(asked.size() - 1)).startsWith("499:");
  }

  @Test
  void theEndOfTheLogGivesFewerRowsThenNone() {
    assertThat(pager.rows(1200, 100)).isEqualTo(LOG.subList(1200, 1234));
    int before = pager.requests();
    assertThat(pager.rows(1234, 100)).isEmpty();
    assertThat(pager.requests()).isEqualTo(before);
  }
}
