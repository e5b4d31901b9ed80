package org.ringtree.editor.reports;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ringtree.editor.shell.Viewer;

/**
 * A statement as a clean page to print or save as PDF: no console drawer, a plain table, and a
 * Print button that the print style sheet hides. Same query string as the reconciliation screen.
 */
@Route(ReconciliationPrintView.PATH)
@PageTitle("Statement · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class ReconciliationPrintView extends Div implements BeforeEnterObserver {

  public static final String PATH = "reconciliation/print";

  private static final String PRINT_STYLE =
      "table.statement{border-collapse:collapse;width:100%;font:14px/1.4 sans-serif}"
          + "table.statement th,table.statement td{border:1px solid #999;padding:4px 8px}"
          + "table.statement td.num{text-align:right;font-variant-numeric:tabular-nums}"
          + "@media print{.no-print{display:none !important}}";

  private final ReportsPort port;
  private final Clock clock;

  public ReconciliationPrintView(ReportsPort port) {
    this(port, Clock.systemUTC());
  }

  ReconciliationPrintView(ReportsPort port, Clock clock) {
    this.port = port;
    this.clock = clock;
    setId("statement-page");
    getStyle().set("padding", "2em").set("background", "white").set("color", "black");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    ZoneId network = port.networkZone();
    StatementQuery q =
        StatementQuery.fromParameters(
            event.getLocation().getQueryParameters().getParameters(),
            StatementQuery.lastWeek(network, LocalDate.now(clock.withZone(network))));
    render(q);
  }

  private void render(StatementQuery q) {
    removeAll();
    Statements statements =
        new Statements(
            q,
            port.names(
                q.party() == ReportsPort.Party.BUYER
                    ? ReportsPort.Named.BUYER
                    : ReportsPort.Named.PUBLISHER));
    Element style = new Element("style");
    style.setText(PRINT_STYLE);
    getElement().appendChild(style);
    Button printIt = new Button("Print");
    printIt.setId("statement-print");
    printIt.addClassName("no-print");
    printIt.addClickListener(e -> getElement().executeJs("window.print()"));
    H2 title = new H2(statements.title());
    title.setId("statement-title");
    add(title, new Paragraph("Ringtree — amounts are the ledger's, to the cent."), printIt);

    Element table = new Element("table");
    table.setAttribute("id", "statement-table");
    table.getClassList().add("statement");
    Element head = new Element("tr");
    List<Statements.Column> columns = statements.columns();
    for (Statements.Column c : columns) {
      head.appendChild(new Element("th").setText(c.header()));
    }
    table.appendChild(head);
    List<ReportsPort.Statement> rows = port.statements(q);
    for (ReportsPort.Statement s : rows) {
      Element tr = new Element("tr");
      tr.setAttribute("data-party", s.partyId());
      for (Statements.Column c : columns) {
        Element td = new Element("td").setText(c.cell().apply(s));
        td.setAttribute("data-column", c.id());
        if (!c.id().equals("party")) {
          td.getClassList().add("num");
        }
        tr.appendChild(td);
      }
      table.appendChild(tr);
    }
    getElement().appendChild(table);
    if (rows.isEmpty()) {
      add(new Paragraph("No calls in this period."));
    }
  }
}
