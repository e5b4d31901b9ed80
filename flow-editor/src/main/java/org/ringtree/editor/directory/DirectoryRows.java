package org.ringtree.editor.directory;

import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import java.util.stream.Stream;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.directory.DirectoryAdminPort.Query;
import org.ringtree.editor.directory.DirectoryAdminPort.Row;

/**
 * A grid's lazy data: each page the grid asks for (offset, limit, the column it is sorted by) is
 * passed to the port as it is, so the database sorts and pages and the grid holds only what it
 * shows.
 */
final class DirectoryRows {

  private final DirectoryAdminPort port;
  private final Kind kind;
  private String search = "";
  private String ownerId;

  DirectoryRows(DirectoryAdminPort port, Kind kind) {
    this.port = port;
    this.kind = kind;
  }

  void search(String text) {
    search = text == null ? "" : text.strip();
  }

  void owner(String id) {
    ownerId = id;
  }

  String owner() {
    return ownerId;
  }

  Stream<Row> fetch(com.vaadin.flow.data.provider.Query<Row, Void> request) {
    return port
        .page(kind, query(request.getSortOrders()), request.getOffset(), request.getLimit())
        .stream();
  }

  int count(com.vaadin.flow.data.provider.Query<Row, Void> request) {
    return port.count(kind, query(List.of()));
  }

  Query query(List<QuerySortOrder> sort) {
    if (sort == null || sort.isEmpty()) {
      return new Query(search, null, false, ownerId);
    }
    QuerySortOrder first = sort.get(0);
    return new Query(
        search, first.getSorted(), first.getDirection() == SortDirection.DESCENDING, ownerId);
  }
}
