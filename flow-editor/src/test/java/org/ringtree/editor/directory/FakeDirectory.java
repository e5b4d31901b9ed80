package org.ringtree.editor.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A port that records what the screens ask and answers what a test tells it to. */
class FakeDirectory implements DirectoryAdminPort {

  record PageCall(Kind kind, Query query, int offset, int limit) {}

  final List<PageCall> pages = new ArrayList<>();
  final List<Stored> saved = new ArrayList<>();
  Outcome next = new Outcome.Saved(1);

  @Override
  public List<Row> page(Kind kind, Query query, int offset, int limit) {
    pages.add(new PageCall(kind, query, offset, limit));
    List<Row> rows = new ArrayList<>();
    for (int i = offset; i < Math.min(offset + limit, 120); i++) {
      rows.add(new Row("id-" + i, 1, Map.of("id", "id-" + i, "name", "Name " + i)));
    }
    return rows;
  }

  @Override
  public int count(Kind kind, Query query) {
    return 120;
  }

  @Override
  public Optional<Stored> find(Kind kind, String id) {
    return Optional.empty();
  }

  @Override
  public Outcome save(Kind kind, Stored draft) {
    saved.add(draft);
    return next;
  }
}
