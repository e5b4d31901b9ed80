package org.ringtree.rules.compiler;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;

/**
 * Generates the two DMN 1.5 models of a flow: the routing policy (per route node: method, the
 * lowest acceptable offer from floor and margin, and whether tiers compete as one auction) and the
 * billable/payout policy (buyer revenue and publisher payout, FIRST hit). Every number is formatted
 * by us; no operator text enters FEEL.
 */
final class DmnWriter {

  static final String DMN15 = "https://www.omg.org/spec/DMN/20230324/MODEL/";
  static final String ROUTING_NS = "https://ringtree.org/dmn/routing";
  static final String ROUTING_NAME = "ringtree-routing";
  static final String ROUTING_DECISION = "Routing policy";
  static final String BILLING_NS = "https://ringtree.org/dmn/billing";
  static final String BILLING_NAME = "ringtree-billing";
  static final String BUYER_DECISION = "Buyer revenue";
  static final String PUBLISHER_DECISION = "Publisher payout";

  private final List<RuleIndexEntry> index;

  DmnWriter(List<RuleIndexEntry> index) {
    this.index = index;
  }

  /** One row of a generated table: input entries, output entries, a description. */
  private record Row(String id, List<String> inputs, List<String> outputs, String description) {}

  String routing(List<FlowNode> routeNodes, Campaign campaign, BigDecimal expectedPayout) {
    List<Row> rows = new ArrayList<>();
    for (FlowNode n : routeNodes) {
      NodeConfig c = n.settings();
      String method = c.string("method");
      String auction = "oneAuction".equals(c.string("auction")) ? "oneAuction" : "tiers";
      BigDecimal floor = c.decimal("floor") == null ? BigDecimal.ZERO : c.decimal("floor");
      List<String> terms = new ArrayList<>();
      terms.add(num(floor));
      String why = "floor " + num(floor);
      if ("ringTree".equals(method) && campaign != null) {
        BigDecimal amount = campaign.marginAmount().amount();
        BigDecimal pct = campaign.marginPercent();
        if (amount.signum() > 0) {
          terms.add("Publisher payout + " + num(amount));
          why += ", payout + " + num(amount) + " margin";
        }
        if (pct.signum() > 0 && pct.compareTo(new BigDecimal("100")) < 0) {
          BigDecimal keep = BigDecimal.ONE.subtract(pct.movePointLeft(2));
          terms.add("Publisher payout / " + num(keep));
          why += ", " + num(pct) + "% margin";
        }
      }
      String min = terms.size() == 1 ? terms.get(0) : "max([" + String.join(", ", terms) + "])";
      String id = "routing-" + n.id();
      String description =
          "Route "
              + n.id()
              + ": distribution "
              + method
              + "; lowest acceptable offer is the larger of "
              + why
              + ("oneAuction".equals(auction) ? "; all tiers compete as one auction" : "")
              + ".";
      rows.add(
          new Row(
              id,
              List.of(Literals.quoted(n.id())),
              List.of(Literals.quoted(method), min, Literals.quoted(auction), Literals.quoted(id)),
              description));
      index.add(new RuleIndexEntry(id, "dmn-routing", n.id(), description));
    }
    Xml x = definitions(ROUTING_NAME, ROUTING_NS);
    itemDefinition(
        x,
        "tRoutingPolicy",
        "Method",
        "string",
        "Minimum offer",
        "number",
        "Auction",
        "string",
        "Row",
        "string");
    inputData(x, "Route node", "string");
    inputData(x, "Publisher payout", "number");
    decision(
        x,
        ROUTING_DECISION,
        "tRoutingPolicy",
        "UNIQUE",
        List.of("Route node", "Publisher payout"),
        List.<String[]>of(new String[] {"Route node", "string"}),
        List.of(
            new String[] {"Method", "string"},
            new String[] {"Minimum offer", "number"},
            new String[] {"Auction", "string"},
            new String[] {"Row", "string"}),
        rows);
    return x.end().toString();
  }

  String billing(Campaign campaign) {
    PayoutPolicy p = campaign == null ? null : campaign.payout();
    Xml x = definitions(BILLING_NAME, BILLING_NS);
    itemDefinition(
        x,
        "tBilling",
        "Payable",
        "boolean",
        "Amount",
        "number",
        "Reason",
        "string",
        "Row",
        "string");
    for (String[] in :
        List.of(
            new String[] {"Publisher", "string"},
            new String[] {"Buyer", "string"},
            new String[] {"Blocked", "boolean"},
            new String[] {"Connected", "boolean"},
            new String[] {"Duplicate", "boolean"},
            new String[] {"Talk seconds", "number"},
            new String[] {"Revenue", "number"})) {
      inputData(x, in[0], in[1]);
    }
    List<String[]> outputs =
        List.of(
            new String[] {"Payable", "boolean"},
            new String[] {"Amount", "number"},
            new String[] {"Reason", "string"},
            new String[] {"Row", "string"});

    List<Row> buyer = new ArrayList<>();
    int[] b = {1};
    if (p == null) {
      buyer.add(
          row(
              "billing-buyer-" + b[0]++,
              List.of("-", "-", "-", "-"),
              false,
              "0",
              "no campaign payout policy"));
    } else {
      // Buyer overrides first: FIRST hit makes their rows win over the campaign's.
      campaign
          .buyerMinSeconds()
          .forEach(
              (id, seconds) ->
                  buyerRows(buyer, b, Literals.feelString(id), "buyer " + id + ": ", seconds));
      buyerRows(buyer, b, "-", "", p.buyerMinSeconds());
    }
    decision(
        x,
        BUYER_DECISION,
        "tBilling",
        "FIRST",
        List.of("Buyer", "Blocked", "Connected", "Talk seconds", "Revenue"),
        List.of(
            new String[] {"Buyer", "string"},
            new String[] {"Blocked", "boolean"},
            new String[] {"Connected", "boolean"},
            new String[] {"Talk seconds", "number"}),
        outputs,
        buyer);

    List<Row> pub = new ArrayList<>();
    int[] n = {1};
    if (p == null) {
      pub.add(
          row(
              "billing-publisher-" + n[0]++,
              List.of("-", "-", "-", "-", "-"),
              false,
              "0",
              "no campaign payout policy"));
    } else {
      // Publisher overrides first: FIRST hit makes their rows win over the campaign's.
      campaign
          .publisherPayouts()
          .forEach(
              (publisher, policy) ->
                  publisherRows(
                      pub,
                      n,
                      Literals.feelString(publisher),
                      "publisher " + publisher + ": ",
                      policy));
      publisherRows(pub, n, "-", "", p);
    }
    decision(
        x,
        PUBLISHER_DECISION,
        "tBilling",
        "FIRST",
        List.of("Publisher", "Blocked", "Connected", "Duplicate", "Talk seconds", "Revenue"),
        List.of(
            new String[] {"Publisher", "string"},
            new String[] {"Blocked", "boolean"},
            new String[] {"Connected", "boolean"},
            new String[] {"Duplicate", "boolean"},
            new String[] {"Talk seconds", "number"}),
        outputs,
        pub);
    return x.end().toString();
  }

  /** The buyer-revenue rows for one billable duration; {@code who} is "-" or a buyer id literal. */
  private void buyerRows(List<Row> rows, int[] n, String who, String prefix, int minSeconds) {
    rows.add(
        row(
            "billing-buyer-" + n[0]++,
            List.of(who, "true", "-", "-"),
            false,
            "0",
            prefix + "blocked or spam call"));
    rows.add(
        row(
            "billing-buyer-" + n[0]++,
            List.of(who, "-", "false", "-"),
            false,
            "0",
            prefix + "not connected"));
    rows.add(
        row(
            "billing-buyer-" + n[0]++,
            List.of(who, "-", "-", "< " + minSeconds),
            false,
            "0",
            prefix + "talk time under " + minSeconds + " s"));
    rows.add(
        row(
            "billing-buyer-" + n[0]++,
            List.of(who, "-", "-", "-"),
            true,
            "Revenue",
            prefix + "talk time at least " + minSeconds + " s: the buyer pays the winning price"));
  }

  /** The publisher-payout rows of one policy; {@code who} is "-" or a publisher id literal. */
  private void publisherRows(List<Row> pub, int[] n, String who, String prefix, PayoutPolicy p) {
    pub.add(
        row(
            "billing-publisher-" + n[0]++,
            List.of(who, "true", "-", "-", "-"),
            false,
            "0",
            prefix + "blocked or spam call"));
    pub.add(
        row(
            "billing-publisher-" + n[0]++,
            List.of(who, "-", "false", "-", "-"),
            false,
            "0",
            prefix + "not connected"));
    if (p.duplicateWindowDays() > 0) {
      pub.add(
          row(
              "billing-publisher-" + n[0]++,
              List.of(who, "-", "-", "true", "-"),
              false,
              "0",
              prefix + "duplicate caller within " + p.duplicateWindowDays() + " days"));
    }
    pub.add(
        row(
            "billing-publisher-" + n[0]++,
            List.of(who, "-", "-", "-", "< " + p.publisherMinSeconds()),
            false,
            "0",
            prefix + "talk time under " + p.publisherMinSeconds() + " s"));
    switch (p.mode()) {
      case FIXED ->
          pub.add(
              row(
                  "billing-publisher-" + n[0]++,
                  List.of(who, "-", "-", "-", "-"),
                  true,
                  num(p.fixedPayout() == null ? BigDecimal.ZERO : p.fixedPayout().amount()),
                  prefix + "fixed payout " + money(p.fixedPayout())));
      case REVENUE_SHARE -> {
        String expr = "Revenue * " + num(p.sharePercent().movePointLeft(2));
        String why = num(p.sharePercent()) + "% revenue share";
        if (p.shareMin() != null) {
          expr = "max([" + expr + ", " + num(p.shareMin().amount()) + "])";
          why += ", at least " + money(p.shareMin());
        }
        if (p.shareMax() != null) {
          expr = "min([" + expr + ", " + num(p.shareMax().amount()) + "])";
          why += ", at most " + money(p.shareMax());
        }
        pub.add(
            row(
                "billing-publisher-" + n[0]++,
                List.of(who, "-", "-", "-", "-"),
                true,
                expr,
                prefix + why));
      }
      case TIERED -> {
        for (PayoutPolicy.Tier t : p.tiers()) {
          String range =
              t.maxSeconds() == null
                  ? ">= " + t.minSeconds()
                  : "[" + t.minSeconds() + ".." + t.maxSeconds() + ")";
          pub.add(
              row(
                  "billing-publisher-" + n[0]++,
                  List.of(who, "-", "-", "-", range),
                  true,
                  num(t.amount().amount()),
                  prefix + "tier " + range + " s pays " + money(t.amount())));
        }
        pub.add(
            row(
                "billing-publisher-" + n[0]++,
                List.of(who, "-", "-", "-", "-"),
                false,
                "0",
                prefix + "no payout tier matches"));
      }
    }
  }

  private Row row(String id, List<String> inputs, boolean payable, String amount, String why) {
    String artifact = "dmn-billing";
    index.add(new RuleIndexEntry(id, artifact, null, capitalise(why) + "."));
    return new Row(
        id,
        inputs,
        List.of(String.valueOf(payable), amount, Literals.feelString(why), Literals.quoted(id)),
        capitalise(why) + ".");
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Xml definitions(String name, String ns) {
    return new Xml()
        .start(
            "definitions",
            "xmlns",
            DMN15,
            "id",
            "_" + name,
            "name",
            name,
            "namespace",
            ns,
            "expressionLanguage",
            "https://www.omg.org/spec/DMN/20230324/FEEL/",
            "typeLanguage",
            "https://www.omg.org/spec/DMN/20230324/FEEL/");
  }

  private static void itemDefinition(Xml x, String name, String... components) {
    x.start("itemDefinition", "id", "_" + name, "name", name);
    for (int i = 0; i < components.length; i += 2) {
      x.start("itemComponent", "id", "_" + name + "_" + id(components[i]), "name", components[i]);
      x.text("typeRef", components[i + 1]);
      x.end();
    }
    x.end();
  }

  private static void inputData(Xml x, String name, String type) {
    x.start("inputData", "id", "_in_" + id(name), "name", name);
    x.empty("variable", "id", "_var_in_" + id(name), "name", name, "typeRef", type);
    x.end();
  }

  private static void decision(
      Xml x,
      String name,
      String type,
      String hitPolicy,
      List<String> required,
      List<String[]> inputs,
      List<String[]> outputs,
      List<Row> rows) {
    String d = "_d_" + id(name);
    x.start("decision", "id", d, "name", name);
    x.empty("variable", "id", d + "_var", "name", name, "typeRef", type);
    for (String r : required) {
      x.start("informationRequirement", "id", d + "_req_" + id(r));
      x.empty("requiredInput", "href", "#_in_" + id(r));
      x.end();
    }
    x.start("decisionTable", "id", d + "_table", "hitPolicy", hitPolicy, "outputLabel", name);
    for (String[] in : inputs) {
      x.start("input", "id", d + "_input_" + id(in[0]), "label", in[0]);
      x.start("inputExpression", "id", d + "_inexpr_" + id(in[0]), "typeRef", in[1]);
      x.text("text", in[0]);
      x.end();
      x.end();
    }
    for (String[] out : outputs) {
      x.empty("output", "id", d + "_output_" + id(out[0]), "name", out[0], "typeRef", out[1]);
    }
    for (Row r : rows) {
      x.start("rule", "id", r.id());
      x.text("description", r.description());
      for (int i = 0; i < r.inputs().size(); i++) {
        x.start("inputEntry", "id", r.id() + "_i" + i);
        x.text("text", r.inputs().get(i));
        x.end();
      }
      for (int i = 0; i < r.outputs().size(); i++) {
        x.start("outputEntry", "id", r.id() + "_o" + i);
        x.text("text", r.outputs().get(i));
        x.end();
      }
      x.end();
    }
    x.end();
    x.end();
  }

  private static String id(String name) {
    return name.replace(' ', '_');
  }

  static String num(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() < 0) {
      s = s.setScale(0);
    }
    return s.toPlainString();
  }

  private static String money(org.ringtree.rules.money.Money m) {
    return m == null ? "0" : "$" + m.amount().toPlainString();
  }
}
