package org.ringtree.rules.compiler;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ringtree.rules.flow.FlowNode;

/**
 * Generates the routing DMN 1.5 model of a flow: per node whose kind gives a {@link RoutingRow}
 * (the route kind's handler), the method, the lowest acceptable offer from floor and margin, and
 * whether tiers compete as one auction. (The billing model is the campaign's {@link
 * org.ringtree.rules.billing.BillingTable}.) Every number is formatted by us; no operator text
 * enters FEEL.
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

  /** The routing model: one row per node whose kind gave a {@link RoutingRow}, in id order. */
  String routing(Map<FlowNode, RoutingRow> routeNodes) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<FlowNode, RoutingRow> e : routeNodes.entrySet()) {
      FlowNode n = e.getKey();
      RoutingRow r = e.getValue();
      String method = r.method();
      String auction = r.oneAuction() ? "oneAuction" : "tiers";
      BigDecimal floor = r.floor() == null ? BigDecimal.ZERO : r.floor();
      List<String> terms = new ArrayList<>();
      terms.add(num(floor));
      String why = "floor " + num(floor);
      if (r.payoutPlus() != null) {
        terms.add("Publisher payout + " + num(r.payoutPlus()));
        why += ", payout + " + num(r.payoutPlus()) + " margin";
      }
      if (r.marginPercent() != null) {
        BigDecimal keep = BigDecimal.ONE.subtract(r.marginPercent().movePointLeft(2));
        terms.add("Publisher payout / " + num(keep));
        why += ", " + num(r.marginPercent()) + "% margin";
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
              + (r.oneAuction() ? "; all tiers compete as one auction" : "")
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
