package org.ringtree.editor.directory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.directory.DirectoryAdminPort.Outcome;
import org.ringtree.editor.directory.DirectoryAdminPort.Row;

/**
 * One listing: a search box, a grid paged and sorted by the database, "New", and a dialog with the
 * kind's form. Clicking a row opens it as stored, with its version; the form's events are wired
 * here to the port through {@link EntrySaver}.
 */
public class DirectoryScreen extends VerticalLayout {

  private final DirectoryAdminPort port;
  private final Kind kind;
  private final Supplier<EntryForm> forms;
  private final DirectoryRows rows;
  private final Grid<Row> grid = new Grid<>();
  private final TextField search = new TextField();
  private Consumer<EntryForm> onNew = f -> {};
  private Runnable onSaved = () -> {};
  private Dialog dialog;

  public DirectoryScreen(
      DirectoryAdminPort port, Kind kind, String title, Supplier<EntryForm> forms) {
    this.port = port;
    this.kind = kind;
    this.forms = forms;
    this.rows = new DirectoryRows(port, kind);
    String slug = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    setPadding(false);
    setId("screen-" + slug);

    search.setPlaceholder("Search " + title.toLowerCase(Locale.ROOT));
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.setId("search-" + slug);
    search.addValueChangeListener(
        e -> {
          rows.search(e.getValue());
          grid.getDataProvider().refreshAll();
        });
    Button add = new Button("New " + kind.noun(), VaadinIcon.PLUS.create(), e -> openNew());
    add.setId("new-" + slug);
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout bar = new HorizontalLayout(new H3(title), search, add);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    bar.setWidthFull();
    bar.expand(search);

    grid.setId("grid-" + slug);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    for (String key : kind.columnKeys()) {
      grid.addColumn(r -> cell(r, key))
          .setHeader(kind.header(key))
          .setKey(key)
          .setSortable(true)
          .setSortProperty(key)
          .setResizable(true);
    }
    grid.setPageSize(50);
    // rows are the same entry by id, so a refresh keeps the selection after its counts change
    grid.setItems(rows::fetch, rows::count).setIdentifierProvider(Row::id);
    grid.addItemDoubleClickListener(e -> open(e.getItem().id()));
    grid.setMinHeight("18em");
    add(bar, grid);
    setFlexGrow(1, grid);
  }

  private static String cell(Row row, String key) {
    String v = row.cells().get(key);
    if ("t".equals(v) || "true".equals(v)) {
      return "yes";
    }
    if ("f".equals(v) || "false".equals(v)) {
      return "no";
    }
    return v == null ? "" : v;
  }

  public Grid<Row> grid() {
    return grid;
  }

  /** What to do with a fresh form before it is shown (preselect the buyer, the publisher…). */
  public void onNew(Consumer<EntryForm> prepare) {
    this.onNew = prepare;
  }

  /** What else to refresh after a save here (a buyer's target count after a target's save). */
  public void onSaved(Runnable then) {
    this.onSaved = then;
  }

  /** Lists only the entries of one owner (null: all). */
  public void owner(String ownerId) {
    rows.owner(ownerId);
    grid.getDataProvider().refreshAll();
  }

  public void refresh() {
    grid.getDataProvider().refreshAll();
  }

  void openNew() {
    EntryForm form = forms.get();
    form.edit(null);
    onNew.accept(form);
    show(form, "New " + kind.noun());
  }

  /** Opens the stored entry; one deleted meanwhile is said so, not shown as an error. */
  public void open(String id) {
    var stored = port.find(kind, id);
    if (stored.isEmpty()) {
      note("No " + kind.noun() + " " + id + " is stored any more.", false);
      refresh();
      return;
    }
    EntryForm form = forms.get();
    form.edit(stored.get());
    show(
        form,
        kind.noun().substring(0, 1).toUpperCase(Locale.ROOT) + kind.noun().substring(1) + " " + id);
  }

  private void show(EntryForm form, String header) {
    dialog = new Dialog();
    dialog.setHeaderTitle(header);
    dialog.setWidth("min(72em, 96vw)");
    dialog.add(form);
    dialog.getFooter().add(form.actions());
    dialog.setCloseOnOutsideClick(false);
    form.addCancelListener(e -> dialog.close());
    form.addSaveListener(
        e ->
            EntrySaver.save(port, form)
                .ifPresent(
                    outcome -> {
                      if (outcome instanceof Outcome.Saved) {
                        dialog.close();
                        refresh();
                        onSaved.run();
                        note("Saved " + kind.noun() + " " + form.id.getValue().strip() + ".", true);
                      }
                    }));
    dialog.open();
  }

  private static void note(String text, boolean success) {
    Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
    n.addThemeVariants(
        success ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
  }
}
