package org.ringtree.editor.portal;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * For operators, under the publishers: what each publisher's portal shows of its calls. A tick
 * saves at once (audited) and the publisher sees the change on its next page.
 */
public class PortalPrivacyPanel extends Details {

  private final PortalPrivacyPort port;
  private final Grid<PortalPrivacyPort.Row> grid = new Grid<>();

  public PortalPrivacyPanel(PortalPrivacyPort port) {
    this.port = port;
    setSummaryText("What each publisher's portal shows");
    setId("portal-privacy");
    grid.setId("portal-privacy-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.addColumn(PortalPrivacyPort.Row::name).setHeader("Publisher");
    grid.addComponentColumn(
            r ->
                box(
                    "shows-caller-" + r.publisherId(),
                    r.showsCallerNumber(),
                    v -> port.set(r.publisherId(), v, r.showsBuyerNames())))
        .setHeader("Caller's number (else masked)");
    grid.addComponentColumn(
            r ->
                box(
                    "shows-buyer-" + r.publisherId(),
                    r.showsBuyerNames(),
                    v -> port.set(r.publisherId(), r.showsCallerNumber(), v)))
        .setHeader("Buyer's name (else hidden)");
    grid.setAllRowsVisible(true);
    VerticalLayout body =
        new VerticalLayout(
            Screens.note(
                "Publishers see their own calls in their portal. The caller's number is masked"
                    + " and the buyer not named unless you allow it here."),
            grid);
    body.setPadding(false);
    add(body);
    addOpenedChangeListener(
        e -> {
          if (e.isOpened()) {
            refresh();
          }
        });
  }

  private Checkbox box(String id, boolean value, java.util.function.Consumer<Boolean> save) {
    Checkbox box = new Checkbox(value);
    box.setId(id);
    box.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            save.accept(e.getValue());
            Screens.notify("Saved: applies from the publisher's next page", true);
            refresh();
          }
        });
    return box;
  }

  private void refresh() {
    grid.setItems(port.publishers());
  }
}
