package org.ringtree.editor.directory;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.ringtree.rules.directory.DuplicateRule;

/**
 * A duplicate-caller rule: which earlier calls are compared (per campaign, target or buyer), which
 * count (any, connected, converted), and the window, checked with the rule's own limit of 90 days.
 */
final class DuplicateRuleFields extends FormLayout {

  /** Window units, largest first, so a stored window reads back in the unit it was typed in. */
  enum Unit {
    DAYS(86_400),
    HOURS(3_600),
    SECONDS(1);

    final long seconds;

    Unit(long seconds) {
      this.seconds = seconds;
    }
  }

  private final Select<DuplicateRule.Scope> scope = new Select<>();
  private final Select<DuplicateRule.Basis> basis = new Select<>();
  private final TextField window = new TextField("Window");
  private final Select<Unit> unit = new Select<>();

  DuplicateRuleFields(EntryForm form) {
    scope.setLabel("Duplicate callers, compared");
    scope.setItems(DuplicateRule.Scope.values());
    scope.setItemLabelGenerator(
        s ->
            switch (s) {
              case NONE -> "Not checked";
              case CAMPAIGN -> "Per campaign";
              case TARGET -> "Per target";
              case BUYER -> "Per buyer";
            });
    basis.setLabel("Earlier calls that count");
    basis.setItems(DuplicateRule.Basis.values());
    basis.setItemLabelGenerator(
        b ->
            switch (b) {
              case ANY_CALL -> "Any call";
              case CONNECTED -> "Connected calls";
              case CONVERTED -> "Converted calls";
            });
    unit.setLabel("Unit");
    unit.setItems(Unit.values());
    unit.setItemLabelGenerator(u -> u.name().toLowerCase(java.util.Locale.ROOT));
    form.field("duplicateScope", scope);
    form.field("duplicateBasis", basis);
    form.field("duplicateWindow", window);
    form.field("duplicateUnit", unit);
    add(scope, basis, window, unit);
    setResponsiveSteps(new ResponsiveStep("0", 2), new ResponsiveStep("40em", 4));
    fill(DuplicateRule.NONE);
  }

  void fill(DuplicateRule rule) {
    DuplicateRule r = rule == null ? DuplicateRule.NONE : rule;
    scope.setValue(r.scope());
    basis.setValue(r.basis());
    Unit u = Unit.SECONDS;
    for (Unit candidate : Unit.values()) {
      if (r.windowSeconds() > 0 && r.windowSeconds() % candidate.seconds == 0) {
        u = candidate;
        break;
      }
    }
    if (r.windowSeconds() == 0) {
      u = Unit.DAYS;
    }
    unit.setValue(u);
    window.setValue(r.windowSeconds() == 0 ? "" : String.valueOf(r.windowSeconds() / u.seconds));
  }

  DuplicateRule read(Problems p) {
    long amount =
        Texts.whole(
            window.getValue(), 0, 0, "duplicateWindow", p, "a window is a whole number, 0 or more");
    if (scope.getValue() != DuplicateRule.Scope.NONE && amount == 0 && !p.has("duplicateWindow")) {
      p.add("duplicateWindow", "say how far back an earlier call makes this one a duplicate");
    }
    DuplicateRule rule =
        p.check(
                "duplicateWindow",
                () ->
                    new DuplicateRule(
                        scope.getValue(), basis.getValue(), amount * unit.getValue().seconds))
            .orElse(DuplicateRule.NONE);
    rule.problem().ifPresent(problem -> p.add("duplicateWindow", problem));
    return rule;
  }

  TextField window() {
    return window;
  }

  Select<DuplicateRule.Scope> scope() {
    return scope;
  }
}
