package org.ringtree.editor.directory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;

/**
 * A form for one kind of directory entry. It reads its fields into the rules record, marking each
 * field at fault with a sentence, and fires {@link SaveEvent} or {@link CancelEvent}; it never
 * calls the platform (the screen wires the events to the port). Subclasses add their fields with
 * {@link #field} so a refusal naming a field key can mark it.
 */
public abstract class EntryForm extends VerticalLayout {

  private final Kind kind;
  private final Map<String, HasValidation> fields = new LinkedHashMap<>();
  private final Div conflict = new Div();
  private final Div formProblem = new Div();
  private final HorizontalLayout actions = new HorizontalLayout();
  protected final TextField id = new TextField("Id");
  private long version;
  private String timezone;

  protected EntryForm(Kind kind, String timing) {
    this.kind = kind;
    setId("form-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    setPadding(false);
    id.setHelperText("Letters, digits and dashes; it cannot change once saved.");
    Paragraph when = new Paragraph(timing);
    when.setId("form-timing");
    when.getStyle()
        .set("font-size", "var(--lumo-font-size-s)")
        .set("color", "var(--lumo-secondary-text-color)")
        .set("margin", "0");
    conflict.setId("form-conflict");
    conflict.setVisible(false);
    conflict
        .getStyle()
        .set("color", "var(--lumo-error-text-color)")
        .set("background", "var(--lumo-error-color-10pct)")
        .set("padding", "var(--lumo-space-s)");
    formProblem.setId("form-problem");
    formProblem.setVisible(false);
    formProblem.getStyle().set("color", "var(--lumo-error-text-color)");
    add(when, conflict);
  }

  public Kind kind() {
    return kind;
  }

  /** Adds the save and cancel buttons; subclasses call it last. */
  protected void addButtons() {
    Button save = new Button("Save", e -> fireEvent(new SaveEvent(this)));
    save.setId("form-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button("Cancel", e -> fireEvent(new CancelEvent(this)));
    cancel.setId("form-cancel");
    actions.add(formProblem, save, cancel);
    actions.setAlignItems(Alignment.CENTER);
    add(actions);
  }

  /**
   * The problem line and the save and cancel buttons, which a dialog may show in its footer so they
   * stay in view on a long form.
   */
  public HorizontalLayout actions() {
    return actions;
  }

  /** Registers a field under the key refusals use, and gives it that element id for tests. */
  protected <C extends Component & HasValidation> C field(String key, C component) {
    fields.put(key, component);
    component.setId("f-" + key);
    return component;
  }

  protected static FormLayout columns(Component... components) {
    FormLayout layout = new FormLayout(components);
    layout.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
    return layout;
  }

  /** Shows a stored entry (null: a new one). */
  public final void edit(Stored stored) {
    clearProblems();
    conflict.setVisible(false);
    version = stored == null ? 0 : stored.version();
    timezone = stored == null ? null : stored.timezone();
    id.setReadOnly(stored != null);
    fill(stored);
  }

  protected abstract void fill(Stored stored);

  /**
   * The entry as typed, or empty with every field at fault marked. The draft carries the version
   * that was opened, so the platform can tell if someone else saved in between.
   */
  public final Optional<Stored> read() {
    clearProblems();
    Problems problems = new Problems();
    String entryId = id.getValue().strip();
    if (entryId.isEmpty()) {
      problems.add("id", "a " + kind.noun() + " needs an id");
    }
    Stored draft = build(entryId, problems);
    problems.all().forEach(this::mark);
    return problems.isEmpty() && draft != null
        ? Optional.of(new Stored(draft.entry(), version, draft.timezone(), draft.inService()))
        : Optional.empty();
  }

  /** The record from the fields (null when a problem prevents building it). */
  protected abstract Stored build(String id, Problems problems);

  /** Marks a field with the reason it was refused; with no such field, shows it under the form. */
  public void mark(String key, String message) {
    HasValidation field = key == null ? null : fields.get(key);
    if (field == null) {
      formProblem.setText(message);
      formProblem.setVisible(true);
      return;
    }
    field.setErrorMessage(message);
    field.setInvalid(true);
  }

  /** Whether the field is marked, and with what (tests and the screen read it). */
  public Optional<String> problemOf(String key) {
    HasValidation field = fields.get(key);
    if (field == null) {
      return formProblem.isVisible() ? Optional.of(formProblem.getText()) : Optional.empty();
    }
    return field.isInvalid() ? Optional.ofNullable(field.getErrorMessage()) : Optional.empty();
  }

  /** Someone else saved this entry: say so and keep what the operator typed. */
  public void conflict(String message) {
    conflict.setText(message);
    conflict.setVisible(true);
  }

  public Optional<String> conflictMessage() {
    return conflict.isVisible() ? Optional.of(conflict.getText()) : Optional.empty();
  }

  /** After a save: later saves from this form expect the version now stored. */
  public void saved(long newVersion) {
    version = newVersion;
    id.setReadOnly(true);
    conflict.setVisible(false);
  }

  public long version() {
    return version;
  }

  /** A campaign's timezone as stored, for forms that keep it beside the record. */
  protected String storedTimezone() {
    return timezone;
  }

  private void clearProblems() {
    fields.values().forEach(f -> f.setInvalid(false));
    formProblem.setVisible(false);
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
    return addListener(CancelEvent.class, listener);
  }

  /** The operator asked to save. */
  public static class SaveEvent extends ComponentEvent<EntryForm> {
    SaveEvent(EntryForm source) {
      super(source, false);
    }
  }

  /** The operator closed the form without saving. */
  public static class CancelEvent extends ComponentEvent<EntryForm> {
    CancelEvent(EntryForm source) {
      super(source, false);
    }
  }
}
