package org.ringtree.rules.billing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.money.Money;

/**
 * One effective billing policy compiled to a DMN 1.5 model with three FIRST-hit decision tables:
 * "Buyer revenue", "Publisher payout" and "Region bonus". Its {@link #ref()} is a hash of the
 * policy, so equal policies share one table and a ledger row's rule reference ({@code
 * bt-<hash>#publisher-4}) names one row of one table forever. Every operator value reaches FEEL as
 * a number we format or as a validated, quoted string; the XML is written by StAX.
 *
 * <p>This is the only compiler of billing rules: a flow version's billing DMN is the table of its
 * campaign's own policy ({@link #dmnOf}), and a call whose campaign has no payout policy is decided
 * by {@link #withoutPolicy()}, whose rows book nothing.
 */
public final class BillingTable {

  static final String DMN15 = "https://www.omg.org/spec/DMN/20230324/MODEL/";
  static final String FEEL15 = "https://www.omg.org/spec/DMN/20230324/FEEL/";
  public static final String NAMESPACE = "https://ringtree.org/dmn/effective-billing";
  public static final String NAME = "ringtree-effective-billing";
  static final String BUYER = "Buyer revenue";
  static final String PUBLISHER = "Publisher payout";
  static final String BONUS = "Region bonus";
  static final String NO_POLICY = "no campaign payout policy";

  private static final BillingTable WITHOUT_POLICY = new BillingTable(null);

  private final BillingPolicy policy;
  private final String ref;
  private final String dmn;
  private final DMNRuntime runtime;
  private final DMNModel model;

  private BillingTable(BillingPolicy policy) {
    this.policy = policy;
    this.ref = policy == null ? "bt-none" : refOf(policy);
    this.dmn = dmnOf(policy);
    Resource r =
        KieServices.get()
            .getResources()
            .newByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8))
            .setSourcePath(ref + ".dmn");
    this.runtime =
        DMNRuntimeBuilder.fromDefaults()
            .buildConfiguration()
            .fromResources(List.of(r))
            .getOrElseThrow(e -> new IllegalStateException("billing DMN did not build", e));
    this.model = runtime.getModel(NAMESPACE, NAME);
    if (model == null || model.hasErrors()) {
      throw new IllegalStateException(
          "billing DMN has errors: " + (model == null ? "missing" : model.getMessages()));
    }
  }

  public static BillingTable compile(BillingPolicy policy) {
    return new BillingTable(java.util.Objects.requireNonNull(policy, "policy"));
  }

  /** The table of a call whose campaign has no payout policy: every row books nothing. */
  public static BillingTable withoutPolicy() {
    return WITHOUT_POLICY;
  }

  /** The DMN document of a policy (null: no payout policy), without building its runtime. */
  public static String dmnOf(BillingPolicy policy) {
    return new BillingTableDmn(policy).write();
  }

  /** One generated row: its id in the table ({@code buyer-1}) and what it says. */
  public record Rule(String id, String description) {}

  /** The rows of a policy's table (null: no payout policy), in table order, for the rule index. */
  public static List<Rule> rulesOf(BillingPolicy policy) {
    BillingTableDmn w = new BillingTableDmn(policy);
    List<Rule> out = new ArrayList<>();
    for (List<BillingTableDmn.Row> rows :
        List.of(w.buyerRows(), w.publisherRows(), w.bonusRows())) {
      rows.forEach(r -> out.add(new Rule(r.id(), BillingTableDmn.describe(r))));
    }
    return out;
  }

  /** The policy's stable reference: {@code bt-} and 16 hex digits of its SHA-256. */
  public static String refOf(BillingPolicy policy) {
    return "bt-" + hash(policyJson(policy));
  }

  public BillingPolicy policy() {
    return policy;
  }

  public String ref() {
    return ref;
  }

  /** The standard .dmn file, for compliance review and download. */
  public String dmn() {
    return dmn;
  }

  /** The policy as canonical JSON (sorted keys): what the ref hashes. */
  public String policyJson() {
    return policyJson(policy);
  }

  /**
   * What a finished call is charged.
   *
   * @param tierTagValue the value of the policy's tier tag on the call, or null
   */
  public record Facts(
      boolean blocked,
      boolean connected,
      boolean duplicate,
      long talkSeconds,
      Money revenue,
      String callerState,
      String tierTagValue) {}

  /** One table's verdict: the row that fired (full rule reference), amount and reason. */
  public record Line(String ruleRef, Money amount, String reason) {
    public boolean pays() {
      return !amount.isZero();
    }
  }

  /** The three verdicts; the publisher earns {@code payout} plus {@code bonus}. */
  public record Decision(Line buyer, Line payout, Line bonus) {
    public Money revenue() {
      return buyer.amount();
    }

    public Money totalPayout() {
      return payout.amount().plus(bonus.amount());
    }

    public Money margin() {
      return revenue().minus(totalPayout());
    }
  }

  public Decision decide(Facts f) {
    String currency = f.revenue().currency();
    DMNContext ctx = runtime.newContext();
    ctx.set("Blocked", f.blocked());
    ctx.set("Connected", f.connected());
    ctx.set("Duplicate", f.duplicate());
    ctx.set("Talk seconds", BigDecimal.valueOf(f.talkSeconds()));
    ctx.set("Revenue", f.revenue().amount());
    ctx.set("Caller state", f.callerState() == null ? "" : f.callerState());
    ctx.set("Tier tag", f.tierTagValue() == null ? "" : f.tierTagValue());
    DMNResult result = runtime.evaluateAll(model, ctx);
    Line buyer = line(result, BUYER, currency);
    Line payout = line(result, PUBLISHER, currency);
    Line bonus = line(result, BONUS, currency);
    if (!payout.pays() && bonus.pays()) {
      // a bonus only tops up a met base
      bonus = new Line(bonus.ruleRef(), Money.zero(currency), "no base payout, so no bonus");
    }
    return new Decision(buyer, payout, bonus);
  }

  private Line line(DMNResult result, String name, String currency) {
    DMNDecisionResult d = result.getDecisionResultByName(name);
    if (d == null || d.hasErrors() || !(d.getResult() instanceof Map<?, ?> m)) {
      throw new IllegalStateException(
          "billing decision " + name + " failed: " + result.getMessages());
    }
    Object amount = m.get("Amount");
    boolean payable = Boolean.TRUE.equals(m.get("Payable"));
    Money money =
        !payable || amount == null
            ? Money.zero(currency)
            : new Money(
                amount instanceof BigDecimal b ? b : new BigDecimal(amount.toString()), currency);
    if (money.isNegative()) {
      money = Money.zero(currency);
    }
    return new Line(ref + "#" + m.get("Row"), money, String.valueOf(m.get("Reason")));
  }

  static String policyJson(BillingPolicy p) {
    return p == null ? "null" : RingtreeJson.write(p);
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
