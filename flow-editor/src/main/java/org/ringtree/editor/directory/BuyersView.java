package org.ringtree.editor.directory;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * Buyers and their targets: selecting a buyer lists its targets below (all targets when none is
 * selected), and a new target starts with the selected buyer.
 */
@Route(value = "buyers", layout = ConsoleLayout.class)
@PageTitle("Buyers & targets · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class BuyersView extends VerticalLayout {

  public BuyersView(DirectoryAdminPort port) {
    setSizeFull();
    setId("buyers-view");
    DirectoryScreen buyers = new DirectoryScreen(port, Kind.BUYER, "Buyers", BuyerForm::new);
    DirectoryScreen targets =
        new DirectoryScreen(port, Kind.TARGET, "Targets", () -> new TargetForm(port::page));
    Paragraph scope = new Paragraph("All buyers' targets. Select a buyer to list only its own.");
    scope.setId("targets-scope");
    buyers
        .grid()
        .addSelectionListener(
            e -> {
              String buyer = e.getFirstSelectedItem().map(DirectoryAdminPort.Row::id).orElse(null);
              targets.owner(buyer);
              scope.setText(
                  buyer == null
                      ? "All buyers' targets. Select a buyer to list only its own."
                      : "Targets of buyer " + buyer + ".");
            });
    targets.onNew(
        form ->
            buyers.grid().getSelectedItems().stream()
                .findFirst()
                .ifPresent(b -> ((TargetForm) form).forBuyer(b.id())));
    targets.onSaved(buyers::refresh);
    add(buyers, scope, targets);
  }
}
