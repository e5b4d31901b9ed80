package org.ringtree.editor.portal;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The buyer's targets and caps: each target taking calls or paused, its calls now against its
 * concurrency cap, and every hourly, daily, monthly and total cap with how much is used — pushed as
 * calls start and end. Pause and resume reach the next call, audited, for its own targets only.
 */
@Route(value = TargetsView.PATH, layout = ConsoleLayout.class)
@PageTitle("Your targets & caps · Ringtree")
@RolesAllowed(Viewer.BUYER)
public class TargetsView extends VerticalLayout {

  public static final String PATH = "portal/targets";

  private final BuyerPortalPort port;
  private final Grid<BuyerPortalPort.Target> targets = new Grid<>();
  private final Grid<BuyerPortalPort.CapUse> caps = new Grid<>();
  private Runnable unwatch;

  public TargetsView(BuyerPortalPort port) {
    this.port = port;
    setId("portal-targets");
    setWidthFull();

    targets.setId("portal-targets-grid");
    targets.addThemeVariants(GridVariant.LUMO_COMPACT);
    targets.addColumn(BuyerPortalPort.Target::name).setHeader("Target");
    targets.addColumn(BuyerPortalPort.Target::id).setHeader("Id");
    targets.addColumn(t -> t.active() ? "taking calls" : "paused").setHeader("State");
    targets
        .addColumn(
            t -> t.callsNow() + (t.concurrencyCap() == null ? "" : " of " + t.concurrencyCap()))
        .setHeader("Calls now");
    targets
        .addComponentColumn(
            t -> {
              Button b =
                  new Button(t.active() ? "Pause" : "Resume", e -> setActive(t, !t.active()));
              b.setId((t.active() ? "pause-" : "resume-") + t.id());
              b.addThemeVariants(
                  ButtonVariant.LUMO_SMALL,
                  t.active() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
              return b;
            })
        .setHeader("");
    targets.setAllRowsVisible(true);

    caps.setId("portal-caps-grid");
    caps.addThemeVariants(GridVariant.LUMO_COMPACT);
    caps.addColumn(c -> c.scope() + " " + c.name()).setHeader("Of");
    caps.addColumn(BuyerPortalPort.CapUse::period).setHeader("Period");
    caps.addColumn(c -> c.used() + " of " + c.cap()).setHeader("Used");
    caps.addColumn(c -> Math.max(0, c.cap() - c.used())).setHeader("Left");
    caps.setAllRowsVisible(true);

    add(
        Screens.note(
            "A paused target gets no calls from the next call on; resume it when you are ready."
                + " Caps are set with your network."),
        new H3("Targets"),
        targets,
        new H3("Caps"),
        caps);
    refresh();
  }

  private void setActive(BuyerPortalPort.Target t, boolean active) {
    BuyerPortalPort.Outcome outcome = port.setActive(t.id(), active);
    if (outcome instanceof BuyerPortalPort.Outcome.Done done) {
      Screens.notify(done.target().name() + (active ? " takes calls again" : " is paused"), true);
    } else if (outcome instanceof BuyerPortalPort.Outcome.NotFound nf) {
      Screens.notify("No target " + nf.targetId() + " among yours", false);
    }
    refresh();
  }

  private void refresh() {
    targets.setItems(port.targets());
    caps.setItems(port.caps());
  }

  @Override
  protected void onAttach(AttachEvent event) {
    UI ui = event.getUI();
    unwatch = port.watch(() -> ui.access(this::refresh));
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (unwatch != null) {
      unwatch.run();
      unwatch = null;
    }
  }
}
