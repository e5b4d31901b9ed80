package org.ringtree.editor.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.directory.WeekPlan.Day;
import org.ringtree.editor.directory.WeekPlan.Mode;
import org.ringtree.editor.directory.WeekPlan.Window;

class WeeklyHoursFieldTest {

  private final TargetForm form = new TargetForm(new FakeDirectory()::page);

  private static <T extends Component> T find(Component root, String id, Class<T> type) {
    return search(root, id).map(type::cast).orElseThrow(() -> new AssertionError("no #" + id));
  }

  private static Optional<Component> search(Component root, String id) {
    if (root.getId().filter(id::equals).isPresent()) {
      return Optional.of(root);
    }
    return root.getChildren().map(c -> search(c, id)).flatMap(Optional::stream).findFirst();
  }

  private static long bars(Component root, DayOfWeek day) {
    return find(root, "hours-" + day.name() + "-bar", Div.class).getChildren().count();
  }

  @Test
  void openingADayOffersNineToFiveAndWindowsAreAddedChangedAndRemoved() {
    WeeklyHoursField hours = form.hours;
    form.edit(null);
    hours.aroundTheClock.setValue(false);
    hours.set(DayOfWeek.MONDAY, Mode.CLOSED);
    assertThat(bars(hours, DayOfWeek.MONDAY)).isZero();

    hours.modes.get(DayOfWeek.MONDAY).setValue(Mode.WINDOWS);
    assertThat(hours.plan().get(DayOfWeek.MONDAY))
        .isEqualTo(Day.open(new Window(LocalTime.of(9, 0), LocalTime.of(17, 0))));

    find(hours, "hours-MONDAY-add", Button.class).click();
    find(hours, "hours-MONDAY-1-to", TimePicker.class).setValue(LocalTime.of(20, 0));
    assertThat(hours.plan().get(DayOfWeek.MONDAY).windows())
        .containsExactly(
            new Window(LocalTime.of(9, 0), LocalTime.of(17, 0)),
            new Window(LocalTime.of(18, 0), LocalTime.of(20, 0)));
    assertThat(bars(hours, DayOfWeek.MONDAY)).isEqualTo(2);

    find(hours, "hours-MONDAY-0-remove", Button.class).click();
    find(hours, "hours-MONDAY-0-remove", Button.class).click();
    assertThat(hours.plan().get(DayOfWeek.MONDAY)).isEqualTo(Day.CLOSED);
  }

  @Test
  void aroundTheClockDrawsEveryDayFullAndLocksTheDays() {
    form.edit(null);

    assertThat(form.hours.isAroundTheClock()).isTrue();
    for (DayOfWeek day : DayOfWeek.values()) {
      assertThat(bars(form.hours, day)).isEqualTo(1);
      assertThat(form.hours.modes.get(day).isReadOnly()).isTrue();
    }
    form.hours.aroundTheClock.setValue(false);
    assertThat(form.hours.modes.get(DayOfWeek.FRIDAY).isReadOnly()).isFalse();
  }

  @Test
  void holidaysAreAddedInDateOrderAndRemoved() {
    form.edit(null);
    form.holidays.picker.setValue(LocalDate.of(2026, 12, 25));
    form.holidays.picker.setValue(LocalDate.of(2026, 7, 4));

    assertThat(form.holidays.dates())
        .containsExactly(LocalDate.of(2026, 7, 4), LocalDate.of(2026, 12, 25));
    assertThat(form.holidays.picker.getValue()).isNull();

    find(form.holidays, "holiday-2026-07-04-remove", Button.class).click();
    assertThat(form.holidays.dates()).containsExactly(LocalDate.of(2026, 12, 25));
  }
}
