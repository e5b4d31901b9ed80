package org.ringtree.editor.directory;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.directory.DirectoryAdminPort.Query;
import org.ringtree.editor.directory.DirectoryAdminPort.Row;

/**
 * Picks another directory entry (a buyer, campaign, publisher, vertical) by typing part of its name
 * or id; the choices are paged from the database, so the list stays fast on a large network. The
 * value is the entry's id.
 */
final class RefField extends ComboBox<String> {

  /** Where the choices come from: a page of a listing, searched. */
  @FunctionalInterface
  interface Choices {
    List<Row> find(Kind kind, Query query, int offset, int limit);
  }

  private final Map<String, String> names = new HashMap<>();

  RefField(String label, Kind kind, Choices choices) {
    super(label);
    setItems(
        query ->
            choices
                .find(
                    kind,
                    new Query(query.getFilter().orElse(""), "name", false, null),
                    query.getOffset(),
                    query.getLimit())
                .stream()
                .peek(r -> names.put(r.id(), r.cells().getOrDefault("name", r.id())))
                .map(Row::id));
    setItemLabelGenerator(
        id -> {
          String name = names.get(id);
          return name == null || name.equals(id) ? id : name + " · " + id;
        });
    setClearButtonVisible(true);
  }

  String id() {
    return getValue() == null ? "" : getValue();
  }
}
