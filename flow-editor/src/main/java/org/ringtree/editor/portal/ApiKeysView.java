package org.ringtree.editor.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The portal user's own API keys for its own programs (the portal API takes them as Bearer): create
 * one with an optional expiry, its secret shown once; revoke one, which works from the next
 * request.
 */
@Route(value = "portal/api-keys", layout = ConsoleLayout.class)
@PageTitle("Your API keys · Ringtree")
@RolesAllowed({Viewer.PUBLISHER, Viewer.BUYER})
public class ApiKeysView extends VerticalLayout {

  private final PortalKeysPort port;
  private final Grid<PortalKeysPort.Key> grid = new Grid<>();
  private ZoneId zone = Screens.UTC;

  public ApiKeysView(PortalKeysPort port) {
    this.port = port;
    setId("portal-api-keys");
    setWidthFull();

    TextField name = new TextField("Name");
    name.setId("portal-key-name");
    name.setPlaceholder("e.g. my call tracker");
    DatePicker expiry = new DatePicker("Expires after");
    expiry.setId("portal-key-expiry");
    expiry.setHelperText("Optional; the key stops working after this day");
    TextField secret = new TextField("Your new key (shown only now)");
    secret.setId("portal-key-secret");
    secret.setReadOnly(true);
    secret.setWidth("40rem");
    secret.setVisible(false);
    Button create =
        new Button(
            "Create key",
            e -> {
              name.setInvalid(false);
              Instant until =
                  expiry.getValue() == null
                      ? null
                      : expiry.getValue().plusDays(1).atStartOfDay(zone).toInstant();
              try {
                PortalKeysPort.Issued issued = port.create(name.getValue(), until);
                secret.setValue(issued.secret());
                secret.setVisible(true);
                name.clear();
                expiry.clear();
                refresh();
              } catch (PortalKeysPort.Refused refused) {
                name.setErrorMessage(refused.getMessage());
                name.setInvalid(true);
              }
            });
    create.setId("portal-key-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout form = new HorizontalLayout(name, expiry, create);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    grid.setId("portal-keys-grid");
    grid.addColumn(PortalKeysPort.Key::name).setHeader("Name");
    grid.addColumn(PortalKeysPort.Key::id).setHeader("Key id");
    grid.addColumn(k -> Screens.when(k.createdAt(), zone)).setHeader("Created");
    grid.addColumn(k -> k.expiresAt() == null ? "never" : Screens.when(k.expiresAt(), zone))
        .setHeader("Expires");
    grid.addColumn(k -> k.lastUsedAt() == null ? "never" : Screens.when(k.lastUsedAt(), zone))
        .setHeader("Last used");
    grid.addComponentColumn(
            k -> {
              if (k.revoked()) {
                return new Span("revoked " + Screens.when(k.revokedAt(), zone));
              }
              Button revoke =
                  new Button(
                      "Revoke",
                      VaadinIcon.BAN.create(),
                      e -> {
                        try {
                          port.revoke(k.id());
                          Screens.notify("Key " + k.name() + " revoked", true);
                        } catch (PortalKeysPort.Refused refused) {
                          Screens.notify(refused.getMessage(), false);
                        }
                        refresh();
                      });
              revoke.setId("portal-key-revoke-" + k.id());
              revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
              return revoke;
            })
        .setHeader("");
    grid.setAllRowsVisible(true);

    add(
        Screens.note(
            "A key acts as you, on your own data only, against the portal API"
                + " (Authorization: Bearer <key>). Its secret is shown once; keep it like a"
                + " password, and revoke a key you no longer use."),
        form,
        secret,
        grid);
    refresh();
    Screens.browserZone(
        z -> {
          zone = z;
          refresh();
        });
  }

  private void refresh() {
    grid.setItems(port.keys());
  }
}
