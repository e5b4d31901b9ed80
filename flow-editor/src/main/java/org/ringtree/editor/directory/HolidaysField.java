package org.ringtree.editor.directory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * A target's holidays: whole days closed in its time zone, added with a date picker and listed in
 * date order, each removable.
 */
final class HolidaysField extends VerticalLayout {

  final DatePicker picker = new DatePicker("Holidays: add a closed day");
  private final Set<LocalDate> dates = new TreeSet<>();
  private final Div list = new Div();

  HolidaysField(EntryForm form) {
    setPadding(false);
    setSpacing(false);
    form.field("holidays", picker);
    // ISO dates, as the API and the audit log write them
    picker.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
    picker.setPlaceholder("YYYY-MM-DD");
    picker.setHelperText("Closed all day, in the target's time zone; pick a date to add it");
    picker.addValueChangeListener(
        e -> {
          if (e.getValue() != null) {
            dates.add(e.getValue());
            picker.clear();
            redraw();
          }
        });
    list.setId("holidays-list");
    list.getStyle()
        .set("display", "flex")
        .set("flex-wrap", "wrap")
        .set("gap", "var(--lumo-space-xs)");
    add(picker, list);
  }

  void show(Collection<LocalDate> holidays) {
    dates.clear();
    dates.addAll(holidays);
    picker.clear();
    redraw();
  }

  Set<LocalDate> dates() {
    return new TreeSet<>(dates);
  }

  private void redraw() {
    list.removeAll();
    if (dates.isEmpty()) {
      Span none = new Span("No holidays.");
      none.getStyle().set("color", "var(--lumo-secondary-text-color)");
      list.add(none);
      return;
    }
    for (LocalDate d : dates) {
      Button remove =
          new Button(
              VaadinIcon.CLOSE_SMALL.create(),
              e -> {
                dates.remove(d);
                redraw();
              });
      remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
      remove.setAriaLabel("Remove " + d);
      remove.setId("holiday-" + d + "-remove");
      Span chip = new Span(new Span(d.toString()), remove);
      chip.setId("holiday-" + d);
      chip.getElement().getThemeList().add("badge contrast");
      list.add(chip);
    }
  }
}
