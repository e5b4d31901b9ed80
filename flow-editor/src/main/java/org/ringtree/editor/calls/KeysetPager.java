package org.ringtree.editor.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves the grid's offset and limit requests from the keyset API: it remembers the cursor at each
 * offset it has reached, so scrolling on asks for the next rows after the nearest known cursor
 * instead of counting from the top. A jump far ahead walks forward from the nearest known point in
 * pages of the API's maximum.
 */
final class KeysetPager {

  /** The API call: up to {@code limit} rows after {@code cursor}. */
  interface Source {
    CallLogPort.Page page(String cursor, int limit);
  }

  static final int MAX_PAGE = 500;

  private final Source source;
  // offset of the first row after the cursor -> cursor (offset 0: null, the newest)
  private final TreeMap<Integer, String> cursors = new TreeMap<>();
  private Integer end;
  private int requests;

  KeysetPager(Source source) {
    this.source = source;
    cursors.put(0, null);
  }

  /** The rows at {@code offset .. offset+limit-1}; fewer at the end of the log. */
  List<CallLogPort.Row> rows(int offset, int limit) {
    if (end != null && offset >= end) {
      return List.of();
    }
    Map.Entry<Integer, String> start = cursors.floorEntry(offset);
    int at = start.getKey();
    String cursor = start.getValue();
    List<CallLogPort.Row> out = new ArrayList<>(limit);
    while (out.size() < limit) {
      int skip = Math.max(0, offset - at);
      int want = Math.min(MAX_PAGE, skip + limit - out.size());
      CallLogPort.Page page = source.page(cursor, want);
      requests++;
      List<CallLogPort.Row> rows = page.rows();
      for (int i = skip; i < rows.size() && out.size() < limit; i++) {
        out.add(rows.get(i));
      }
      at += rows.size();
      if (page.next() == null) {
        end = at;
        break;
      }
      cursor = page.next();
      cursors.put(at, cursor);
    }
    return out;
  }

  /** How many API calls were made so far (tests: scrolling on costs one each). */
  int requests() {
    return requests;
  }
}
