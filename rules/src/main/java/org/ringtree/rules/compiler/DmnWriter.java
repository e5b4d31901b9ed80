package org.ringtree.rules.compiler;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;

/**
 * Generates the routing DMN 1.5 model of a flow: per route node, the method, the lowest acceptable
 * offer from floor and margin, and whether tiers compete as one auction. (The billing model is the
 * campaign's {@link org.ringtree.rules.billing.BillingTable}.) Every number is formatted by us; no
 * operator text enters FEEL.
 */
final class DmnWriter {

  static final String DMN15 = "https://www.omg.org/spec/DMN/20230324/MODEL/";
  static final String ROUTING_NS = "https://ringtree.org/dmn/routing";
  static final String ROUTING_NAME = "ringtree-routing";
  static final String ROUTING_DECISION = "Routing policy";

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
}
