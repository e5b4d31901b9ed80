package org.ringtree.editor.directory;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.money.Money;

/**
 * A campaign: its vertical, currency and timezone, the payout and billable rules, the duplicate
 * rule, the auction margin, per-publisher caps and per-buyer billable durations. Per-publisher
 * payout overrides are kept as stored (they are edited over REST).
 */
public final class CampaignForm extends EntryForm {

  static final String CAP_LINE =
      "each line is: publisher-id concurrency=N hourly=N daily=N monthly=N total=N"
          + " on=connections|conversions (leave out what has no limit)";

  final TextField name = new TextField("Name");
  final RefField vertical;
  final TextField currency = new TextField("Currency");
  final ComboBox<String> timezone = new ComboBox<>("Time zone");
  final TextField buyerMin = new TextField("Billable to the buyer after (seconds)");
  final TextField publisherMin = new TextField("Payable to the publisher after (seconds)");
  final Select<PayoutPolicy.Mode> mode = new Select<>();
  final TextField fixedPayout = new TextField("Fixed payout");
  final TextField sharePercent = new TextField("Revenue share (%)");
  final TextField shareMin = new TextField("Share at least");
  final TextField shareMax = new TextField("Share at most");
  final TextArea tiers = new TextArea("Tiers, one a line: from-to seconds amount");
  final TextField payoutDuplicateDays =
      new TextField("No payout for a repeat caller within (days)");
  final DuplicateRuleFields duplicate;
  final TextField marginPercent = new TextField("Auction margin (% of the bid)");
  final TextField marginAmount = new TextField("Auction margin (amount over the payout)");
  final TextArea publisherCaps = new TextArea("Per-publisher caps");
  final TextArea buyerMinSeconds = new TextArea("Per-buyer billable after (buyer-id=seconds)");
  final Checkbox shareCallerNumber = new Checkbox("Show the caller's number to bidding buyers");
  final Paragraph overrides = new Paragraph();

  private Map<String, PayoutPolicy> storedOverrides = Map.of();

  public CampaignForm(RefField.Choices choices) {
    super(
        Kind.CAMPAIGN,
        "Takes effect with the next published flow version: payout, billable and duplicate rules"
            + " are compiled into each flow version's billing table, so calls keep the rules their"
            + " version was reviewed with.");
    vertical = new RefField("Vertical", Kind.VERTICAL, choices);
    field("id", id);
    field("name", name);
    field("verticalId", vertical);
    field("currency", currency);
    field("timezone", timezone);
    field("buyerMinSeconds", buyerMin);
    field("publisherMinSeconds", publisherMin);
    field("payoutMode", mode);
    field("fixedPayout", fixedPayout);
    field("sharePercent", sharePercent);
    field("shareMin", shareMin);
    field("shareMax", shareMax);
    field("tiers", tiers);
    field("payoutDuplicateWindow", payoutDuplicateDays);
    field("marginPercent", marginPercent);
    field("marginAmount", marginAmount);
    field("publisherCaps", publisherCaps);
    field("buyerMinOverrides", buyerMinSeconds);
    timezone.setItems(TargetForm.ZONES.stream().map(TargetForm.Choice::id).toList());
    mode.setLabel("Publisher payout");
    mode.setItems(PayoutPolicy.Mode.values());
    mode.setItemLabelGenerator(
        m ->
            switch (m) {
              case FIXED -> "Fixed amount";
              case REVENUE_SHARE -> "Share of revenue";
              case TIERED -> "Tiers by talk time";
            });
    mode.addValueChangeListener(e -> showMode());
    tiers.setHelperText("e.g. 60-120 10.00 and 120- 25.00 (no upper end: and longer)");
    publisherCaps.setHelperText(CAP_LINE);
    duplicate = new DuplicateRuleFields(this);
    add(
        columns(id, name, vertical),
        columns(currency, timezone),
        section(
            "Payout and billable rules",
            columns(buyerMin, publisherMin, mode),
            columns(fixedPayout, sharePercent, shareMin, shareMax),
            tiers,
            columns(payoutDuplicateDays),
            overrides),
        section("Duplicate callers", duplicate),
        section("Auction margin", columns(marginPercent, marginAmount), shareCallerNumber),
        section("Per-publisher caps and per-buyer durations", publisherCaps, buyerMinSeconds));
    addButtons();
    fill(null);
  }

  private static Details section(String title, com.vaadin.flow.component.Component... parts) {
    com.vaadin.flow.component.orderedlayout.VerticalLayout body =
        new com.vaadin.flow.component.orderedlayout.VerticalLayout(parts);
    body.setPadding(false);
    Details d = new Details(title, body);
    d.setOpened(true);
    d.setWidthFull();
    return d;
  }

  private void showMode() {
    PayoutPolicy.Mode m = mode.getValue();
    fixedPayout.setVisible(m == PayoutPolicy.Mode.FIXED);
    sharePercent.setVisible(m == PayoutPolicy.Mode.REVENUE_SHARE);
    shareMin.setVisible(m == PayoutPolicy.Mode.REVENUE_SHARE);
    shareMax.setVisible(m == PayoutPolicy.Mode.REVENUE_SHARE);
    tiers.setVisible(m == PayoutPolicy.Mode.TIERED);
  }

  @Override
  protected void fill(Stored stored) {
    Campaign c = stored == null ? null : (Campaign) stored.entry();
    id.setValue(c == null ? "" : c.id());
    name.setValue(c == null ? "" : Texts.text(c.name()));
    vertical.setValue(c == null ? null : c.verticalId());
    currency.setValue(c == null ? Money.USD : c.currency());
    timezone.setValue(
        stored == null || stored.timezone() == null ? "America/New_York" : stored.timezone());
    PayoutPolicy pay = c == null ? null : c.payout();
    buyerMin.setValue(pay == null ? "90" : String.valueOf(pay.buyerMinSeconds()));
    publisherMin.setValue(pay == null ? "60" : String.valueOf(pay.publisherMinSeconds()));
    mode.setValue(pay == null ? PayoutPolicy.Mode.FIXED : pay.mode());
    fixedPayout.setValue(
        pay == null || pay.fixedPayout() == null ? "" : Texts.plain(pay.fixedPayout().amount()));
    sharePercent.setValue(pay == null ? "" : Texts.plain(pay.sharePercent()));
    shareMin.setValue(
        pay == null || pay.shareMin() == null ? "" : Texts.plain(pay.shareMin().amount()));
    shareMax.setValue(
        pay == null || pay.shareMax() == null ? "" : Texts.plain(pay.shareMax().amount()));
    tiers.setValue(
        pay == null
            ? ""
            : String.join(
                "\n",
                pay.tiers().stream()
                    .map(
                        t ->
                            t.minSeconds()
                                + "-"
                                + Texts.text(t.maxSeconds())
                                + " "
                                + t.amount().amount().toPlainString())
                    .toList()));
    payoutDuplicateDays.setValue(pay == null ? "0" : String.valueOf(pay.duplicateWindowDays()));
    duplicate.fill(c == null ? null : c.duplicateRule());
    marginPercent.setValue(c == null ? "0" : Texts.plain(c.marginPercent()));
    marginAmount.setValue(c == null ? "0.00" : Texts.plain(c.marginAmount().amount()));
    List<String> capLines = new ArrayList<>();
    if (c != null) {
      c.publisherCaps().forEach((publisher, caps) -> capLines.add(capLine(publisher, caps)));
    }
    publisherCaps.setValue(String.join("\n", capLines));
    Map<String, String> mins = new LinkedHashMap<>();
    if (c != null) {
      c.buyerMinSeconds().forEach((b, s) -> mins.put(b, String.valueOf(s)));
    }
    buyerMinSeconds.setValue(Texts.pairsText(mins));
    shareCallerNumber.setValue(c != null && c.shareCallerNumber());
    storedOverrides = c == null ? Map.of() : c.publisherPayouts();
    overrides.setText(
        storedOverrides.isEmpty()
            ? ""
            : "Payout overrides for "
                + String.join(", ", storedOverrides.keySet())
                + " are kept as stored (edit them over REST).");
    showMode();
  }

  static String capLine(String publisher, Caps caps) {
    StringBuilder sb = new StringBuilder(publisher);
    append(sb, "concurrency", caps.concurrency());
    append(sb, "hourly", caps.hourly());
    append(sb, "daily", caps.daily());
    append(sb, "monthly", caps.monthly());
    append(sb, "total", caps.total());
    sb.append(" on=").append(caps.countOn().name().toLowerCase(Locale.ROOT));
    return sb.toString();
  }

  private static void append(StringBuilder sb, String key, Integer value) {
    if (value != null) {
      sb.append(' ').append(key).append('=').append(value);
    }
  }

  @Override
  protected Stored build(String campaignId, Problems p) {
    if (name.getValue().isBlank()) {
      p.add("name", "a campaign needs a name");
    }
    if (vertical.id().isEmpty()) {
      p.add("verticalId", "a campaign belongs to a vertical: pick one");
    }
    String cur = currency.getValue().strip().toUpperCase(Locale.ROOT);
    p.check("currency", () -> Money.zero(cur));
    String zone = timezone.getValue() == null ? "" : timezone.getValue();
    try {
      ZoneId.of(zone);
    } catch (RuntimeException e) {
      p.add(
          "timezone",
          "a campaign needs \"timezone\", an IANA name such as America/New_York; got \""
              + zone
              + "\"");
    }
    String secs = "a duration is a whole number of seconds, 0 or more";
    int bMin = Texts.whole(buyerMin.getValue(), 0, 0, "buyerMinSeconds", p, secs);
    int pMin = Texts.whole(publisherMin.getValue(), 0, 0, "publisherMinSeconds", p, secs);
    int dupDays =
        Texts.whole(
            payoutDuplicateDays.getValue(),
            0,
            0,
            "payoutDuplicateWindow",
            p,
            "a window is a whole number of days, 0 or more");
    String amount = "an amount of 0 or more, such as 25.00";
    Money fixed =
        money(Texts.amountOrNull(fixedPayout.getValue(), "fixedPayout", p, amount), cur, p);
    BigDecimal share =
        Texts.amountOrNull(
            sharePercent.getValue(), "sharePercent", p, "a percentage of 0 or more, such as 40");
    Money min = money(Texts.amountOrNull(shareMin.getValue(), "shareMin", p, amount), cur, p);
    Money max = money(Texts.amountOrNull(shareMax.getValue(), "shareMax", p, amount), cur, p);
    PayoutPolicy.Mode m = mode.getValue();
    if (m == PayoutPolicy.Mode.FIXED && fixed == null && !p.has("fixedPayout")) {
      p.add("fixedPayout", "a fixed payout needs its amount (0 for none)");
    }
    if (m == PayoutPolicy.Mode.REVENUE_SHARE && share == null && !p.has("sharePercent")) {
      p.add("sharePercent", "a revenue share needs its percentage");
    }
    List<PayoutPolicy.Tier> tierList = new ArrayList<>();
    if (m == PayoutPolicy.Mode.TIERED) {
      for (String line : Texts.lines(tiers.getValue())) {
        var matcher =
            java.util.regex.Pattern.compile("(\\d+)\\s*-\\s*(\\d*)\\s+(\\S+)").matcher(line);
        BigDecimal value = null;
        if (matcher.matches()) {
          try {
            value = new BigDecimal(matcher.group(3));
          } catch (NumberFormatException e) {
            value = null;
          }
        }
        if (value == null || value.signum() < 0) {
          p.add(
              "tiers",
              "a tier is from-to seconds and an amount, such as 60-120 10.00; got \""
                  + line
                  + "\"");
          continue;
        }
        Integer to = matcher.group(2).isEmpty() ? null : Integer.valueOf(matcher.group(2));
        tierList.add(
            new PayoutPolicy.Tier(Integer.parseInt(matcher.group(1)), to, money(value, cur, p)));
      }
      if (tierList.isEmpty() && !p.has("tiers")) {
        p.add("tiers", "tiered payouts need at least one tier");
      }
    }
    var rule = duplicate.read(p);
    BigDecimal mPercent =
        Texts.amountOrNull(
            marginPercent.getValue(), "marginPercent", p, "a percentage of 0 or more");
    Money mAmount =
        money(Texts.amountOrNull(marginAmount.getValue(), "marginAmount", p, amount), cur, p);
    Map<String, Caps> caps = publisherCaps(p);
    Map<String, Integer> buyerMins = new LinkedHashMap<>();
    Texts.pairs(buyerMinSeconds.getValue(), "buyerMinOverrides", p, "each line is buyer-id=seconds")
        .forEach(
            (buyer, s) -> {
              Integer v = Texts.wholeOrNull(s, 0, "buyerMinOverrides", p, secs);
              if (v != null) {
                buyerMins.put(buyer, v);
              }
            });
    if (!p.isEmpty()) {
      return null;
    }
    PayoutPolicy policy =
        p.check(
                "buyerMinSeconds",
                () -> new PayoutPolicy(bMin, pMin, m, fixed, share, min, max, tierList, dupDays))
            .orElse(null);
    if (policy == null) {
      return null;
    }
    Campaign campaign =
        new Campaign(
            campaignId,
            name.getValue().strip(),
            vertical.id(),
            cur,
            policy,
            rule,
            mPercent,
            mAmount,
            caps,
            storedOverrides,
            buyerMins,
            shareCallerNumber.getValue());
    campaign
        .duplicateWindowProblem()
        .ifPresent(
            problem ->
                p.add(
                    problem.contains("payout") ? "payoutDuplicateWindow" : "duplicateWindow",
                    problem));
    if (!p.isEmpty()) {
      return null;
    }
    return new Stored(campaign, 0, zone, true);
  }

  private static Money money(BigDecimal amount, String currency, Problems p) {
    if (amount == null) {
      return null;
    }
    return p.check("currency", () -> new Money(amount, currency)).orElse(null);
  }

  private Map<String, Caps> publisherCaps(Problems p) {
    Map<String, Caps> out = new LinkedHashMap<>();
    for (String line : Texts.lines(publisherCaps.getValue())) {
      String[] parts = line.split("\\s+");
      Map<String, String> values = new LinkedHashMap<>();
      boolean ok = parts.length >= 2;
      for (int i = 1; i < parts.length && ok; i++) {
        String[] kv = parts[i].split("=", 2);
        ok =
            kv.length == 2
                && List.of("concurrency", "hourly", "daily", "monthly", "total", "on")
                    .contains(kv[0]);
        if (ok) {
          values.put(kv[0], kv[1]);
        }
      }
      String on = values.getOrDefault("on", "connections").toUpperCase(Locale.ROOT);
      ok = ok && (on.equals("CONNECTIONS") || on.equals("CONVERSIONS"));
      if (!ok) {
        p.add("publisherCaps", CAP_LINE + "; got \"" + line + "\"");
        continue;
      }
      String w = CapsFields.WHAT;
      out.put(
          parts[0],
          new Caps(
              Caps.CountOn.valueOf(on),
              Texts.wholeOrNull(values.get("concurrency"), 0, "publisherCaps", p, w),
              Texts.wholeOrNull(values.get("hourly"), 0, "publisherCaps", p, w),
              Texts.wholeOrNull(values.get("daily"), 0, "publisherCaps", p, w),
              Texts.wholeOrNull(values.get("monthly"), 0, "publisherCaps", p, w),
              Texts.wholeOrNull(values.get("total"), 0, "publisherCaps", p, w)));
    }
    return out;
  }
}
