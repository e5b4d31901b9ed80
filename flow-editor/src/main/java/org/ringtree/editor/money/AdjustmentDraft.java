package org.ringtree.editor.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ringtree.editor.money.AdjustmentsPort.Action;
import org.ringtree.editor.money.AdjustmentsPort.Filter;
import org.ringtree.editor.money.AdjustmentsPort.Mode;
import org.ringtree.editor.money.AdjustmentsPort.Party;
import org.ringtree.editor.money.AdjustmentsPort.Request;

/**
 * The bulk adjustment form's values as an operator typed them, turned into a request or the list of
 * what is missing. Dates are whole days in the network's zone, both ends included; a pasted list of
 * call SIDs may be split by spaces, commas or lines.
 */
public record AdjustmentDraft(
    LocalDate from,
    LocalDate to,
    ZoneId zone,
    String campaign,
    String publisher,
    String buyer,
    String callSids,
    Party party,
    Mode mode,
    String amount,
    String reason) {

  /** A request, or the problems that keep the form from being one. */
  public record Checked(Request request, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public Checked check() {
    List<String> problems = new ArrayList<>();
    List<String> sids = sids(callSids);
    boolean ranged = from != null || to != null;
    if (ranged && (from == null || to == null)) {
      problems.add("Give both dates of the range, or neither and a list of call SIDs.");
    } else if (ranged && to.isBefore(from)) {
      problems.add("The range ends before it starts.");
    } else if (!ranged && sids.isEmpty()) {
      problems.add("Choose calls: a date range, or paste their call SIDs.");
    }
    if (party == null) {
      problems.add("Choose whose money changes: the buyer's revenue or the publisher's payout.");
    }
    if (mode == null) {
      problems.add("Choose how: set to, add, or change by a percentage.");
    }
    BigDecimal value = amount(amount, problems);
    if (value != null && mode == Mode.SET && value.signum() < 0) {
      problems.add("A total cannot be set below zero.");
    }
    if (reason == null || reason.isBlank()) {
      problems.add("Give a reason: both parties see it on their statements.");
    }
    if (!problems.isEmpty()) {
      return new Checked(null, List.copyOf(problems));
    }
    Filter filter =
        new Filter(
            ranged ? from.atStartOfDay(zone).toInstant() : null,
            ranged ? to.plusDays(1).atStartOfDay(zone).toInstant() : null,
            blankToNull(campaign),
            blankToNull(publisher),
            blankToNull(buyer),
            sids);
    return new Checked(
        new Request(filter, new Action(party, mode, value, reason.strip())), List.of());
  }

  /** The SIDs of a pasted list, in order, each once. */
  static List<String> sids(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("[\\s,;]+")).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static BigDecimal amount(String text, List<String> problems) {
    if (text == null || text.isBlank()) {
      problems.add("Give an amount.");
      return null;
    }
    try {
      BigDecimal v = new BigDecimal(text.strip());
      if (v.stripTrailingZeros().scale() > 2) {
        problems.add("Amounts are in cents: at most two decimals.");
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      problems.add("The amount \"" + text.strip() + "\" is not a number.");
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
