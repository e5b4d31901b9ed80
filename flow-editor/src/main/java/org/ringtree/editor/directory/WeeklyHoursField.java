package org.ringtree.editor.directory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringtree.editor.directory.WeekPlan.Day;
import org.ringtree.editor.directory.WeekPlan.Mode;
import org.ringtree.editor.directory.WeekPlan.Window;

/**
 * Hours of operation as a week of rows: per day closed, open 24 hours or open in one or more
 * windows picked with time pickers, each day drawn as a 24-hour bar; "around the clock" opens the
 * whole week. Its state is a {@link WeekPlan}; the form turns it into a schedule.
 */
final class WeeklyHoursField extends VerticalLayout {

  final Checkbox aroundTheClock =
      new Checkbox("Around the clock: every day, all day (holidays still close)");
  final Map<DayOfWeek, Select<Mode>> modes = new EnumMap<>(DayOfWeek.class);
  private final Map<DayOfWeek, List<Window>> windows = new EnumMap<>(DayOfWeek.class);
  private final Map<DayOfWeek, HorizontalLayout> windowRows = new EnumMap<>(DayOfWeek.class);
  private final Map<DayOfWeek, Div> bars = new EnumMap<>(DayOfWeek.class);
  private final Div days = new Div();

  WeeklyHoursField(EntryForm form) {
    setPadding(false);
    setSpacing(false);
    setId("hours-grid");
    form.field(WeekPlan.AROUND_THE_CLOCK, aroundTheClock);
    aroundTheClock.addValueChangeListener(
        e -> {
          modes.keySet().forEach(this::showWindows);
          redraw();
        });
    days.getStyle().set("display", "grid").set("gap", "var(--lumo-space-xs)").set("width", "100%");
    days.getStyle().set("grid-template-columns", "7em 11em 1fr minmax(12em, 24em)");
    for (DayOfWeek day : DayOfWeek.values()) {
      Span name = new Span(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
      name.getStyle().set("align-self", "center");
      Select<Mode> mode = new Select<>();
      mode.setItems(Mode.values());
      mode.setItemLabelGenerator(Mode::words);
      mode.setValue(Mode.CLOSED);
      mode.setAriaLabel(name.getText() + " opening");
      mode.setWidthFull();
      form.field("hours" + day.name(), mode);
      mode.addValueChangeListener(
          e -> {
            if (e.getValue() == Mode.WINDOWS && windows.get(day).isEmpty()) {
              windows.get(day).add(new Window(LocalTime.of(9, 0), LocalTime.of(17, 0)));
            }
            showWindows(day);
            redraw();
          });
      modes.put(day, mode);
      windows.put(day, new ArrayList<>());
      HorizontalLayout row = new HorizontalLayout();
      row.setId("hours-" + day.name() + "-windows");
      row.setSpacing(true);
      row.setPadding(false);
      row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      row.getStyle().set("flex-wrap", "wrap");
      windowRows.put(day, row);
      Div bar = new Div();
      bar.setId("hours-" + day.name() + "-bar");
      bar.getStyle()
          .set("position", "relative")
          .set("height", "1.2em")
          .set("align-self", "center")
          .set("border-radius", "3px")
          .set("background", "var(--lumo-contrast-10pct)")
          // hour marks every six hours
          .set(
              "background-image",
              "repeating-linear-gradient(to right, transparent 0, transparent calc(25% - 1px),"
                  + " var(--lumo-contrast-30pct) calc(25% - 1px), var(--lumo-contrast-30pct)"
                  + " 25%)");
      bars.put(day, bar);
      days.add(name, mode, row, bar);
    }
    Span scale = new Span("Each bar is one day, midnight to midnight, in the target's time zone.");
    scale
        .getStyle()
        .set("font-size", "var(--lumo-font-size-s)")
        .set("color", "var(--lumo-secondary-text-color)");
    add(aroundTheClock, days, scale);
  }

  /** Shows a plan: the whole week around the clock, or each day as given. */
  void show(boolean always, Map<DayOfWeek, Day> plan) {
    aroundTheClock.setValue(always);
    for (DayOfWeek day : DayOfWeek.values()) {
      Day d = plan.getOrDefault(day, Day.CLOSED);
      windows.get(day).clear();
      windows.get(day).addAll(d.windows());
      modes.get(day).setValue(always ? Mode.ALL_DAY : d.mode());
      showWindows(day);
    }
    redraw();
  }

  boolean isAroundTheClock() {
    return aroundTheClock.getValue();
  }

  /** Each day as the operator set it (windows only for days open in windows). */
  Map<DayOfWeek, Day> plan() {
    Map<DayOfWeek, Day> out = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      Mode mode = modes.get(day).getValue();
      out.put(day, new Day(mode, mode == Mode.WINDOWS ? windows.get(day) : List.of()));
    }
    return out;
  }

  /** Sets a day's mode and windows, as the operator would (tests use it). */
  void set(DayOfWeek day, Mode mode, Window... ws) {
    windows.get(day).clear();
    windows.get(day).addAll(List.of(ws));
    modes.get(day).setValue(mode);
    showWindows(day);
    redraw();
  }

  private void showWindows(DayOfWeek day) {
    HorizontalLayout row = windowRows.get(day);
    row.removeAll();
    if (modes.get(day).getValue() != Mode.WINDOWS || aroundTheClock.getValue()) {
      return;
    }
    List<Window> list = windows.get(day);
    for (int i = 0; i < list.size(); i++) {
      int at = i;
      TimePicker from = picker("hours-" + day.name() + "-" + i + "-from", list.get(i).from());
      TimePicker to = picker("hours-" + day.name() + "-" + i + "-to", list.get(i).to());
      from.setAriaLabel("opens at");
      to.setAriaLabel("closes at");
      from.addValueChangeListener(
          e -> {
            list.set(at, new Window(e.getValue(), list.get(at).to()));
            redraw();
          });
      to.addValueChangeListener(
          e -> {
            list.set(at, new Window(list.get(at).from(), e.getValue()));
            redraw();
          });
      Button remove =
          new Button(
              VaadinIcon.CLOSE_SMALL.create(),
              e -> {
                list.remove(at);
                if (list.isEmpty()) {
                  modes.get(day).setValue(Mode.CLOSED);
                }
                showWindows(day);
                redraw();
              });
      remove.setId("hours-" + day.name() + "-" + i + "-remove");
      remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
      remove.setAriaLabel("Remove this window");
      remove.setTooltipText("Remove this window");
      Span dash = new Span("–");
      HorizontalLayout window = new HorizontalLayout(from, dash, to, remove);
      window.setSpacing(false);
      window.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      row.add(window);
    }
    Button add =
        new Button(
            "Window",
            VaadinIcon.PLUS.create(),
            e -> {
              LocalTime last = list.isEmpty() ? null : list.get(list.size() - 1).to();
              LocalTime start = last == null ? LocalTime.of(9, 0) : last.plusHours(1);
              list.add(new Window(start, start.plusHours(4)));
              showWindows(day);
              redraw();
            });
    add.setId("hours-" + day.name() + "-add");
    add.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    add.setTooltipText("Add another opening on this day, such as an afternoon after a lunch break");
    row.add(add);
  }

  private static TimePicker picker(String id, LocalTime value) {
    TimePicker p = new TimePicker();
    p.setId(id);
    // 24-hour times, as the API writes them
    p.setLocale(Locale.UK);
    p.setStep(Duration.ofMinutes(15));
    p.setValue(value);
    p.setWidth("6.5em");
    return p;
  }

  private void redraw() {
    boolean always = aroundTheClock.getValue();
    modes.values().forEach(m -> m.setReadOnly(always));
    Map<DayOfWeek, Day> plan = plan();
    for (DayOfWeek day : DayOfWeek.values()) {
      windowRows.get(day).setVisible(!always);
      Div bar = bars.get(day);
      bar.removeAll();
      for (WeekPlan.Segment s : WeekPlan.segments(plan, always, day)) {
        Div part = new Div();
        part.addClassName(s.spill() ? "hours-spill" : "hours-open");
        part.getStyle()
            .set("position", "absolute")
            .set("top", "0")
            .set("bottom", "0")
            .set("left", percent(s.fromMinute()))
            .set("width", percent(s.toMinute() - s.fromMinute()))
            .set("border-radius", "3px")
            .set("background", "var(--lumo-success-color)")
            .set("opacity", s.spill() ? "0.45" : "1");
        part.setTitle(
            (s.spill() ? "open from the day before until " : "open ")
                + time(s.fromMinute())
                + "–"
                + time(s.toMinute()));
        bar.add(part);
      }
    }
  }

  private static String percent(int minutes) {
    return String.format(Locale.ROOT, "%.3f%%", minutes * 100.0 / 1440);
  }

  private static String time(int minutes) {
    return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
  }
}
