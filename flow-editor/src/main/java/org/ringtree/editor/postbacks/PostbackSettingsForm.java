package org.ringtree.editor.postbacks;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A publisher's postback settings: the URL template, with the placeholders the platform knows
 * listed beside it, and which events send it. Saving fires a {@link SaveEvent}; the view asks the
 * port and shows the platform's answer with {@link #saved} or {@link #refused}.
 */
public class PostbackSettingsForm extends VerticalLayout {

  /** What each placeholder becomes (docs/postbacks.md); the names themselves come from the code. */
  private static final Map<String, String> MEANING =
      Map.ofEntries(
          Map.entry("event", "why it is sent: conversion or call"),
          Map.entry("call_id", "our call id"),
          Map.entry("publisher_id", "the publisher's id"),
          Map.entry("campaign_id", "the campaign's id"),
          Map.entry("sub_id", "the publisher's sub-id (click id) for the call"),
          Map.entry("caller_number", "the caller's E.164 number"),
          Map.entry("caller_state", "the caller's state"),
          Map.entry("caller_zip", "the caller's zip"),
          Map.entry("payout", "the publisher's payout for the call, e.g. 20.00"),
          Map.entry("currency", "the payout's ISO 4217 code"),
          Map.entry("duration", "the call's duration in whole seconds"));

  /** The settings as typed. */
  public record Draft(String urlTemplate, boolean onEveryCall, boolean enabled) {}

  /** Save was pressed. */
  public static class SaveEvent extends ComponentEvent<PostbackSettingsForm> {
    private final Draft draft;

    SaveEvent(PostbackSettingsForm source, Draft draft) {
      super(source, false);
      this.draft = draft;
    }

    public Draft draft() {
      return draft;
    }
  }

  private final TextField template = new TextField("Postback URL template");
  // one choice for both settings: plain inputs the console's frontend bundle already holds
  private static final String CONVERSIONS = "On conversions";
  private static final String EVERY_CALL = "On conversions and every call that ends";
  private static final String OFF = "Off";
  private final ComboBox<String> when = new ComboBox<>("When");
  private final Span events = new Span();
  private final Span problem = new Span();
  private final Span status = new Span();

  public PostbackSettingsForm(List<String> placeholders) {
    setId("postback-settings");
    setPadding(false);
    template.setId("postback-template");
    template.setWidthFull();
    template.setPlaceholder("https://track.example.com/pb?click={sub_id}&amount={payout}");
    template.setHelperText(
        "Placeholders are replaced by the call's values, each percent-encoded; they may appear in"
            + " the path and the query, not in the host.");
    when.setId("postback-when");
    when.setItems(CONVERSIONS, EVERY_CALL, OFF);
    when.setValue(CONVERSIONS);
    when.setAllowCustomValue(false);
    when.setWidth("24em");
    events.setId("postback-events");
    when.addValueChangeListener(e -> showEvents());
    showEvents();

    VerticalLayout names = new VerticalLayout();
    names.setId("postback-placeholders");
    names.setPadding(false);
    names.setSpacing(false);
    for (String name : placeholders) {
      String meaning = MEANING.get(name);
      names.add(new Span("{" + name + "}" + (meaning == null ? "" : " — " + meaning)));
    }
    names.add(new Span("{tag:NAME} — the call tag NAME (letters, digits, _ . -)"));
    H4 placeholderList = new H4("Placeholders");

    problem.setId("postback-problem");
    problem.getStyle().set("color", "var(--lumo-error-text-color)");
    status.setId("postback-status");
    Button save = new Button("Save", VaadinIcon.CHECK.create());
    save.setId("postback-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(
        e ->
            fireEvent(
                new SaveEvent(this, new Draft(template.getValue(), onEveryCall(), enabled()))));
    add(template, placeholderList, names, when, events, save, problem, status);
  }

  /** Shows stored settings, or an empty form for a publisher without any. */
  public void show(Optional<PostbacksPort.Settings> settings) {
    problem.setText("");
    template.setInvalid(false);
    template.setValue(settings.map(PostbacksPort.Settings::urlTemplate).orElse(""));
    boolean every = settings.map(PostbacksPort.Settings::onEveryCall).orElse(false);
    boolean on = settings.map(PostbacksPort.Settings::enabled).orElse(true);
    when.setValue(!on ? OFF : every ? EVERY_CALL : CONVERSIONS);
    status.setText(settings.isPresent() ? "" : "No postback set up yet.");
  }

  public void saved(PostbacksPort.Settings settings) {
    show(Optional.of(settings));
    status.setText("Saved.");
  }

  public void refused(String reason) {
    status.setText("");
    problem.setText(reason);
    template.setErrorMessage(reason);
    template.setInvalid(true);
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  private boolean onEveryCall() {
    return EVERY_CALL.equals(when.getValue());
  }

  private boolean enabled() {
    return !OFF.equals(when.getValue());
  }

  private void showEvents() {
    events.setText(PostbacksPresenter.events(onEveryCall(), enabled()));
  }
}
