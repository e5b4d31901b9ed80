package org.ringtree.editor.directory;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.ringtree.rules.directory.Caps;

/**
 * A target's or a buyer's caps: concurrency, hourly, daily, monthly and total, and whether period
 * caps count connections or conversions. Empty means no limit.
 */
final class CapsFields extends FormLayout {

  static final String WHAT = "a cap is a whole number of calls, 0 or more (empty: no limit)";

  private final String prefix;
  private final Select<Caps.CountOn> countOn = new Select<>();
  private final TextField concurrency = new TextField("Concurrency (live calls)");
  private final TextField hourly = new TextField("Hourly");
  private final TextField daily = new TextField("Daily");
  private final TextField monthly = new TextField("Monthly");
  private final TextField total = new TextField("Total");

  CapsFields(EntryForm form, String prefix) {
    this.prefix = prefix;
    countOn.setLabel("Period caps count");
    countOn.setItems(Caps.CountOn.values());
    countOn.setItemLabelGenerator(
        c -> c == Caps.CountOn.CONNECTIONS ? "Connected calls" : "Conversions");
    countOn.setValue(Caps.CountOn.CONNECTIONS);
    form.field(prefix + "CountOn", countOn);
    form.field(prefix + "Concurrency", concurrency);
    form.field(prefix + "Hourly", hourly);
    form.field(prefix + "Daily", daily);
    form.field(prefix + "Monthly", monthly);
    form.field(prefix + "Total", total);
    add(countOn, concurrency, hourly, daily, monthly, total);
    setResponsiveSteps(new ResponsiveStep("0", 2), new ResponsiveStep("40em", 6));
  }

  void fill(Caps caps) {
    Caps c = caps == null ? Caps.NONE : caps;
    countOn.setValue(c.countOn());
    concurrency.setValue(Texts.text(c.concurrency()));
    hourly.setValue(Texts.text(c.hourly()));
    daily.setValue(Texts.text(c.daily()));
    monthly.setValue(Texts.text(c.monthly()));
    total.setValue(Texts.text(c.total()));
  }

  Caps read(Problems p) {
    return new Caps(
        countOn.getValue(),
        Texts.wholeOrNull(concurrency.getValue(), 0, prefix + "Concurrency", p, WHAT),
        Texts.wholeOrNull(hourly.getValue(), 0, prefix + "Hourly", p, WHAT),
        Texts.wholeOrNull(daily.getValue(), 0, prefix + "Daily", p, WHAT),
        Texts.wholeOrNull(monthly.getValue(), 0, prefix + "Monthly", p, WHAT),
        Texts.wholeOrNull(total.getValue(), 0, prefix + "Total", p, WHAT));
  }

  TextField daily() {
    return daily;
  }

  TextField concurrency() {
    return concurrency;
  }
}
