package org.ringtree.editor.admin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.SignedIn;
import org.ringtree.editor.shell.Viewer;

/**
 * Users and API keys: create a user with a role (a portal user linked to its publisher or buyer),
 * change role and link, disable, unlock a locked sign-in, reset a password; list a user's keys and
 * revoke them, and create your own with the secret shown once.
 */
@Route(value = "users", layout = ConsoleLayout.class)
@PageTitle("Users & API keys · Ringtree")
@RolesAllowed(Viewer.ADMIN)
public class UsersView extends VerticalLayout {

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final UserAdminPort port;
  private final UserAdmin admin;
  private final Grid<UserAdminPort.UserRow> grid = new Grid<>();
  private final Button edit = new Button("Edit", VaadinIcon.EDIT.create());
  private final Button toggle = new Button("Disable");
  private final Button unlock = new Button("Unlock sign-in", VaadinIcon.UNLOCK.create());
  private final Button reset = new Button("Reset password", VaadinIcon.KEY.create());
  private final Button keys = new Button("API keys", VaadinIcon.PASSWORD.create());
  private ZoneId zone = ZoneId.of("UTC");

  public UsersView(UserAdminPort port) {
    this.port = port;
    this.admin = new UserAdmin(port, SignedIn.viewer().username());
    setId("users-view");
    setSizeFull();
    UI.getCurrent()
        .getPage()
        .retrieveExtendedClientDetails(d -> zone = zoneOrUtc(d.getTimeZoneId()));

    Button create = new Button("New user", VaadinIcon.PLUS.create(), e -> openUser(null));
    create.setId("new-user");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    edit.setId("user-edit");
    edit.addClickListener(e -> selected(this::openUser));
    toggle.setId("user-toggle");
    toggle.addClickListener(
        e -> selected(u -> report(admin.setEnabled(u.username(), !u.enabled()), "Saved")));
    unlock.setId("user-unlock");
    unlock.addClickListener(
        e ->
            selected(
                u -> report(admin.unlock(u.username()), "Sign-in unlocked for " + u.username())));
    reset.setId("user-reset-password");
    reset.addClickListener(e -> selected(this::openPassword));
    keys.setId("user-keys");
    keys.addClickListener(e -> selected(this::openKeys));
    HorizontalLayout toolbar = new HorizontalLayout(create, edit, toggle, unlock, reset, keys);
    toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    grid.setId("users-grid");
    grid.addColumn(UserAdminPort.UserRow::username).setHeader("Username").setSortable(true);
    grid.addColumn(u -> u.role().toLowerCase()).setHeader("Role").setSortable(true);
    grid.addColumn(UsersView::link).setHeader("Portal link");
    grid.addColumn(UsersView::status).setHeader("Status");
    grid.addColumn(u -> DAY_TIME.format(u.createdAt().atZone(zone))).setHeader("Created");
    grid.addSelectionListener(e -> actionsFor(e.getFirstSelectedItem().orElse(null)));
    grid.setSizeFull();

    add(
        new Paragraph(
            "Admins manage users here. A publisher or buyer user sees only its own party's calls"
                + " and money. Failed sign-ins lock a username from one address for a while;"
                + " unlock lifts it at once."),
        toolbar,
        grid);
    refresh(null);
  }

  static String link(UserAdminPort.UserRow u) {
    if (u.publisherId() != null) {
      return "publisher " + u.publisherId();
    }
    return u.buyerId() == null ? "" : "buyer " + u.buyerId();
  }

  static String status(UserAdminPort.UserRow u) {
    String s = u.enabled() ? "active" : "disabled";
    return u.locked() ? s + ", locked from " + String.join(", ", u.lockedFrom()) : s;
  }

  private void refresh(String select) {
    List<UserAdminPort.UserRow> users = port.users();
    grid.setItems(users);
    users.stream()
        .filter(u -> u.username().equals(select))
        .findFirst()
        .ifPresentOrElse(grid::select, () -> actionsFor(null));
  }

  private void actionsFor(UserAdminPort.UserRow u) {
    edit.setEnabled(u != null);
    toggle.setEnabled(u != null);
    toggle.setText(u != null && !u.enabled() ? "Enable" : "Disable");
    unlock.setEnabled(u != null && u.locked());
    reset.setEnabled(u != null);
    keys.setEnabled(u != null);
  }

  private void selected(java.util.function.Consumer<UserAdminPort.UserRow> action) {
    grid.getSelectedItems().stream().findFirst().ifPresent(action);
  }

  private void report(UserAdmin.Outcome<UserAdminPort.UserRow> outcome, String done) {
    if (outcome.ok()) {
      notify(done, NotificationVariant.LUMO_SUCCESS);
      refresh(outcome.value().username());
    } else {
      notify(outcome.problem(), NotificationVariant.LUMO_ERROR);
    }
  }

  private static void notify(String text, NotificationVariant variant) {
    Notification n = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
    n.addThemeVariants(variant);
  }

  private void openUser(UserAdminPort.UserRow existing) {
    boolean creating = existing == null;
    Dialog dialog = new Dialog();
    dialog.setId("user-dialog");
    dialog.setHeaderTitle(creating ? "New user" : "Change " + existing.username());
    TextField username = new TextField("Username");
    username.setId("user-username");
    username.setHelperText("Letters, digits, dots, dashes; stored in lower case");
    ComboBox<String> role = new ComboBox<>("Role", UserAdminPort.ROLES);
    role.setId("user-role");
    ComboBox<UserAdminPort.Party> publisher = partyBox("Publisher", port.publishers());
    publisher.setId("user-publisher");
    ComboBox<UserAdminPort.Party> buyer = partyBox("Buyer", port.buyers());
    buyer.setId("user-buyer");
    PasswordField password = new PasswordField("Password");
    password.setId("user-password");
    password.setHelperText("At least 12 characters");
    password.setVisible(creating);
    role.addValueChangeListener(
        e -> {
          publisher.setVisible("PUBLISHER".equals(e.getValue()));
          buyer.setVisible("BUYER".equals(e.getValue()));
        });
    publisher.setVisible(false);
    buyer.setVisible(false);
    if (!creating) {
      username.setValue(existing.username());
      username.setReadOnly(true);
      role.setValue(existing.role());
      publisher.setValue(pick(publisher, existing.publisherId()));
      buyer.setValue(pick(buyer, existing.buyerId()));
    }
    Map<UserAdminPort.Field, com.vaadin.flow.component.HasValidation> fields =
        Map.of(
            UserAdminPort.Field.USERNAME, username,
            UserAdminPort.Field.ROLE, role,
            UserAdminPort.Field.PUBLISHER, publisher,
            UserAdminPort.Field.BUYER, buyer,
            UserAdminPort.Field.PASSWORD, password);
    Span problem = new Span();
    problem.setId("user-problem");
    problem.getStyle().set("color", "var(--lumo-error-text-color)");
    Button save =
        new Button(
            creating ? "Create user" : "Save",
            e -> {
              fields.values().forEach(f -> f.setInvalid(false));
              UserAdminPort.UserDraft draft =
                  UserAdmin.draft(
                      username.getValue(),
                      role.getValue(),
                      publisher.getValue() == null ? null : publisher.getValue().id(),
                      buyer.getValue() == null ? null : buyer.getValue().id(),
                      creating ? password.getValue() : null);
              UserAdmin.Outcome<UserAdminPort.UserRow> outcome =
                  creating ? admin.create(draft) : admin.change(draft);
              if (outcome.ok()) {
                dialog.close();
                notify("Saved " + outcome.value().username(), NotificationVariant.LUMO_SUCCESS);
                refresh(outcome.value().username());
              } else {
                var field = fields.get(outcome.field());
                // the sentence goes under the field it is about, else under the form
                problem.setText(field == null ? outcome.problem() : "");
                if (field != null) {
                  field.setErrorMessage(outcome.problem());
                  field.setInvalid(true);
                }
              }
            });
    save.setId("user-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button("Cancel", e -> dialog.close());
    VerticalLayout body = new VerticalLayout(username, role, publisher, buyer, password, problem);
    body.setPadding(false);
    body.setWidth("26rem");
    body.getChildren()
        .filter(c -> c instanceof com.vaadin.flow.component.HasSize)
        .forEach(c -> ((com.vaadin.flow.component.HasSize) c).setWidthFull());
    dialog.add(body);
    dialog.getFooter().add(cancel, save);
    dialog.open();
  }

  private void openPassword(UserAdminPort.UserRow user) {
    Dialog dialog = new Dialog();
    dialog.setId("password-dialog");
    dialog.setHeaderTitle("New password for " + user.username());
    PasswordField password = new PasswordField("New password");
    password.setId("reset-password");
    password.setHelperText("At least 12 characters; tell the user through a safe channel");
    password.setWidthFull();
    Button save =
        new Button(
            "Set password",
            e -> {
              UserAdmin.Outcome<String> outcome =
                  admin.resetPassword(user.username(), password.getValue());
              if (outcome.ok()) {
                dialog.close();
                notify("Password changed for " + user.username(), NotificationVariant.LUMO_SUCCESS);
              } else {
                password.setErrorMessage(outcome.problem());
                password.setInvalid(true);
              }
            });
    save.setId("reset-password-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.add(password);
    dialog.setWidth("26rem");
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }

  private void openKeys(UserAdminPort.UserRow user) {
    Dialog dialog = new Dialog();
    dialog.setId("keys-dialog");
    dialog.setHeaderTitle("API keys of " + user.username());
    dialog.setWidth("56rem");
    Grid<UserAdminPort.KeyRow> keyGrid = new Grid<>();
    keyGrid.setId("keys-grid");
    keyGrid.setAllRowsVisible(true);
    keyGrid.addColumn(UserAdminPort.KeyRow::name).setHeader("Name");
    keyGrid.addColumn(UserAdminPort.KeyRow::id).setHeader("Key id");
    keyGrid.addColumn(k -> when(k.createdAt())).setHeader("Created").setAutoWidth(true);
    keyGrid
        .addColumn(k -> k.expiresAt() == null ? "never" : when(k.expiresAt()))
        .setHeader("Expires");
    keyGrid
        .addColumn(k -> k.lastUsedAt() == null ? "never" : when(k.lastUsedAt()))
        .setHeader("Last used");
    Runnable[] reload = new Runnable[1];
    keyGrid
        .addComponentColumn(
            k -> {
              if (k.revoked()) {
                return new Span("revoked " + when(k.revokedAt()) + " by " + k.revokedBy());
              }
              Button revoke =
                  new Button(
                      "Revoke",
                      e -> {
                        UserAdmin.Outcome<UserAdminPort.KeyRow> outcome =
                            admin.revokeKey(user.username(), k.id());
                        notify(
                            outcome.ok() ? "Key " + k.name() + " revoked" : outcome.problem(),
                            outcome.ok()
                                ? NotificationVariant.LUMO_SUCCESS
                                : NotificationVariant.LUMO_ERROR);
                        reload[0].run();
                      });
              revoke.setId("revoke-" + k.id());
              revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
              return revoke;
            })
        .setHeader("");
    reload[0] = () -> keyGrid.setItems(port.keys(user.username()));
    reload[0].run();

    VerticalLayout body = new VerticalLayout(keyGrid);
    body.setPadding(false);
    admin
        .whyNoNewKey(user.username())
        .ifPresentOrElse(
            why -> {
              Paragraph p = new Paragraph(why);
              p.setId("keys-owner-only");
              body.add(p);
            },
            () -> body.add(newKeyForm(user.username(), reload[0])));
    dialog.add(body);
    Button close = new Button("Close", e -> dialog.close());
    close.setId("keys-close");
    dialog.getFooter().add(close);
    dialog.open();
  }

  private VerticalLayout newKeyForm(String username, Runnable reload) {
    TextField name = new TextField("Name");
    name.setId("key-name");
    name.setPlaceholder("e.g. reporting script");
    DatePicker expiry = new DatePicker("Expires after");
    expiry.setId("key-expiry");
    expiry.setHelperText("Optional; the key stops working after this day");
    expiry.setMin(LocalDate.now(zone));
    TextField secret = new TextField("Your new key (shown only now)");
    secret.setId("key-secret");
    secret.setReadOnly(true);
    secret.setWidthFull();
    Button copy = new Button("Copy", VaadinIcon.COPY.create());
    copy.setId("key-copy");
    copy.addClickListener(
        e -> {
          copy.getElement().executeJs("navigator.clipboard.writeText($0)", secret.getValue());
          notify("Copied", NotificationVariant.LUMO_CONTRAST);
        });
    HorizontalLayout shown = new HorizontalLayout(secret, copy);
    shown.setWidthFull();
    shown.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    shown.setVisible(false);
    Button create =
        new Button(
            "Create key",
            e -> {
              name.setInvalid(false);
              expiry.setInvalid(false);
              UserAdmin.Outcome<UserAdminPort.IssuedKey> outcome =
                  admin.createKey(username, name.getValue(), expiry.getValue(), zone);
              if (outcome.ok()) {
                secret.setValue(outcome.value().secret());
                shown.setVisible(true);
                name.clear();
                expiry.clear();
                reload.run();
              } else if (outcome.field() == UserAdminPort.Field.KEY_EXPIRY) {
                expiry.setErrorMessage(outcome.problem());
                expiry.setInvalid(true);
              } else {
                name.setErrorMessage(outcome.problem());
                name.setInvalid(true);
              }
            });
    create.setId("key-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout row = new HorizontalLayout(name, expiry, create);
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    VerticalLayout form = new VerticalLayout(row, shown);
    form.setPadding(false);
    return form;
  }

  private String when(Instant at) {
    return DAY_TIME.format(at.atZone(zone));
  }

  private static ComboBox<UserAdminPort.Party> partyBox(
      String label, List<UserAdminPort.Party> parties) {
    ComboBox<UserAdminPort.Party> box = new ComboBox<>(label, parties);
    box.setItemLabelGenerator(p -> p.name() + " (" + p.id() + ")");
    return box;
  }

  private static UserAdminPort.Party pick(ComboBox<UserAdminPort.Party> box, String id) {
    if (id == null) {
      return null;
    }
    Map<String, UserAdminPort.Party> byId =
        box.getListDataView()
            .getItems()
            .collect(Collectors.toMap(UserAdminPort.Party::id, Function.identity()));
    return byId.get(id);
  }

  private static ZoneId zoneOrUtc(String id) {
    try {
      return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
    } catch (java.time.DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
