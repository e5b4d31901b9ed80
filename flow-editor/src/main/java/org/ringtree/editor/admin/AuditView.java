package org.ringtree.editor.admin;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The audit log: who changed what and when, searched by actor, action, object and time, paged by
 * the database (newest first) and exported as CSV streamed straight from the query.
 */
@Route(value = "audit", layout = ConsoleLayout.class)
@PageTitle("Audit log · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.COMPLIANCE})
public class AuditView extends VerticalLayout {

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final AuditPort port;
  private final TextField actor = new TextField("Actor");
  private final TextField action = new TextField("Action starts with");
  private final TextField objectType = new TextField("Object type");
  private final TextField objectId = new TextField("Object id");
  private final DateTimePicker from = new DateTimePicker("From");
  private final DateTimePicker to = new DateTimePicker("Until");
  private final Grid<AuditPort.Row> grid = new Grid<>();
  private final Span count = new Span();
  private final Span problem = new Span();
  // read by the CSV download, which runs on its own request
  private volatile AuditPort.Search search = AuditPort.Search.everything();
  private ZoneId zone = ZoneId.of("UTC");

  public AuditView(AuditPort port) {
    this.port = port;
    setId("audit-view");
    setSizeFull();
    actor.setId("audit-actor");
    action.setId("audit-action");
    action.setPlaceholder("e.g. user. or directory.");
    objectType.setId("audit-object-type");
    objectType.setPlaceholder("e.g. user, flow, setting");
    objectId.setId("audit-object-id");
    from.setId("audit-from");
    to.setId("audit-to");
    Button find = new Button("Search", VaadinIcon.SEARCH.create(), e -> search());
    find.setId("audit-search");
    find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    find.addClickShortcut(Key.ENTER);
    Anchor export =
        new Anchor(
            (DownloadHandler)
                event -> {
                  event.setFileName("audit-log.csv");
                  event.setContentType("text/csv;charset=UTF-8");
                  port.exportCsv(search, event.getOutputStream());
                },
            AttachmentType.DOWNLOAD,
            "Export CSV");
    export.setId("audit-export");
    HorizontalLayout filters =
        new HorizontalLayout(actor, action, objectType, objectId, from, to, find, export);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);

    grid.setId("audit-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(r -> AT.format(r.at().atZone(zone))).setHeader("At").setAutoWidth(true);
    grid.addColumn(AuditPort.Row::actor).setHeader("Actor").setAutoWidth(true);
    grid.addColumn(AuditPort.Row::action).setHeader("Action").setAutoWidth(true);
    grid.addColumn(r -> r.objectType() + " " + r.objectId()).setHeader("Object").setAutoWidth(true);
    grid.addColumn(r -> r.before() == null ? "" : r.before()).setHeader("Before").setFlexGrow(1);
    grid.addColumn(r -> r.after() == null ? "" : r.after()).setHeader("After").setFlexGrow(1);
    grid.setPageSize(50);
    grid.setSizeFull();
    count.setId("audit-count");
    problem.setId("audit-problem");
    problem.getStyle().set("color", "var(--lumo-error-text-color)");
    add(filters, problem, count, grid);

    UI.getCurrent()
        .getPage()
        .retrieveExtendedClientDetails(
            d -> {
              zone = AuditSearches.zone(d.getTimeZoneId());
              grid.getDataProvider().refreshAll();
            });
    show(AuditPort.Search.everything());
  }

  private void search() {
    from.setInvalid(false);
    to.setInvalid(false);
    problem.setText("");
    AuditSearches.Parsed parsed =
        AuditSearches.parse(
            actor.getValue(),
            action.getValue(),
            objectType.getValue(),
            objectId.getValue(),
            from.getValue(),
            to.getValue(),
            zone);
    if (parsed.problem() != null) {
      problem.setText(parsed.problem());
      to.setErrorMessage(parsed.problem());
      to.setInvalid(true);
      return;
    }
    show(parsed.search());
  }

  private void show(AuditPort.Search next) {
    search = next;
    int total = port.count(search);
    count.setText(total == 1 ? "1 entry" : total + " entries");
    AuditPort.Search fixed = search;
    grid.setItems(
        q -> port.page(fixed, q.getOffset(), q.getLimit()).stream(), q -> port.count(fixed));
  }
}
