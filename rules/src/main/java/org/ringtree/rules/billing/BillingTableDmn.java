package org.ringtree.rules.billing;

import static org.ringtree.rules.billing.BillingTable.BONUS;
import static org.ringtree.rules.billing.BillingTable.BUYER;
import static org.ringtree.rules.billing.BillingTable.DMN15;
import static org.ringtree.rules.billing.BillingTable.FEEL15;
import static org.ringtree.rules.billing.BillingTable.NAME;
import static org.ringtree.rules.billing.BillingTable.NAMESPACE;
import static org.ringtree.rules.billing.BillingTable.NO_POLICY;
import static org.ringtree.rules.billing.BillingTable.PUBLISHER;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.ringtree.rules.directory.PayoutPolicy;

/**
 * Writes a {@link BillingTable}'s DMN document and lists its rows: three FIRST-hit tables with
 * every operator value formatted as a FEEL number or a validated, quoted string, the XML written by
 * StAX.
 */
final class BillingTableDmn {
  record Row(String id, List<String> inputs, boolean payable, String amount, String why) {}

  private final BillingPolicy p;

  BillingTableDmn(BillingPolicy p) {
    this.p = p;
  }

  String write() {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("definitions");
      x.writeDefaultNamespace(DMN15);
      x.writeAttribute("id", "_" + NAME);
      x.writeAttribute("name", NAME);
      x.writeAttribute("namespace", NAMESPACE);
      x.writeAttribute("expressionLanguage", FEEL15);
      x.writeAttribute("typeLanguage", FEEL15);
      x.writeStartElement("itemDefinition");
      x.writeAttribute("id", "_tBilling");
      x.writeAttribute("name", "tBilling");
      for (String[] c :
          List.of(
              new String[] {"Payable", "boolean"},
              new String[] {"Amount", "number"},
              new String[] {"Reason", "string"},
              new String[] {"Row", "string"})) {
        x.writeStartElement("itemComponent");
        x.writeAttribute("id", "_tBilling_" + c[0]);
        x.writeAttribute("name", c[0]);
        text(x, "typeRef", c[1]);
        x.writeEndElement();
      }
      x.writeEndElement();
      String[][] inputs = {
        {"Blocked", "boolean"},
        {"Connected", "boolean"},
        {"Duplicate", "boolean"},
        {"Talk seconds", "number"},
        {"Revenue", "number"},
        {"Caller state", "string"},
        {"Tier tag", "string"}
      };
      for (String[] in : inputs) {
        x.writeStartElement("inputData");
        x.writeAttribute("id", "_in_" + id(in[0]));
        x.writeAttribute("name", in[0]);
        x.writeEmptyElement("variable");
        x.writeAttribute("id", "_var_in_" + id(in[0]));
        x.writeAttribute("name", in[0]);
        x.writeAttribute("typeRef", in[1]);
        x.writeEndElement();
      }
      decision(
          x,
          BUYER,
          List.of("Blocked", "Connected", "Talk seconds", "Revenue"),
          List.of(
              new String[] {"Blocked", "boolean"},
              new String[] {"Connected", "boolean"},
              new String[] {"Talk seconds", "number"}),
          buyerRows());
      decision(
          x,
          PUBLISHER,
          List.of("Blocked", "Connected", "Duplicate", "Talk seconds", "Tier tag", "Revenue"),
          List.of(
              new String[] {"Blocked", "boolean"},
              new String[] {"Connected", "boolean"},
              new String[] {"Duplicate", "boolean"},
              new String[] {"Talk seconds", "number"},
              new String[] {"Tier tag", "string"}),
          publisherRows());
      decision(
          x,
          BONUS,
          List.of("Caller state"),
          List.<String[]>of(new String[] {"Caller state", "string"}),
          bonusRows());
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write billing DMN", e);
    }
    return out.toString();
  }

  List<Row> buyerRows() {
    List<Row> rows = new ArrayList<>();
    if (p == null) {
      rows.add(new Row("buyer-1", List.of("-", "-", "-"), false, "0", NO_POLICY));
      return rows;
    }
    rows.add(new Row("buyer-1", List.of("true", "-", "-"), false, "0", "blocked or spam call"));
    rows.add(new Row("buyer-2", List.of("-", "false", "-"), false, "0", "not connected"));
    rows.add(
        new Row(
            "buyer-3",
            List.of("-", "-", "< " + p.buyerMinSeconds()),
            false,
            "0",
            "talk time under " + p.buyerMinSeconds() + " s"));
    rows.add(
        new Row(
            "buyer-4",
            List.of("-", "-", "-"),
            true,
            "Revenue",
            "talk time at least " + p.buyerMinSeconds() + " s: the buyer pays the winning price"));
    return rows;
  }

  List<Row> publisherRows() {
    List<Row> rows = new ArrayList<>();
    if (p == null) {
      rows.add(new Row("publisher-1", List.of("-", "-", "-", "-", "-"), false, "0", NO_POLICY));
      return rows;
    }
    int i = 1;
    rows.add(
        new Row(
            "publisher-" + i++,
            List.of("true", "-", "-", "-", "-"),
            false,
            "0",
            "blocked or spam call"));
    rows.add(
        new Row(
            "publisher-" + i++, List.of("-", "false", "-", "-", "-"), false, "0", "not connected"));
    if (p.duplicateWindowDays() > 0) {
      rows.add(
          new Row(
              "publisher-" + i++,
              List.of("-", "-", "true", "-", "-"),
              false,
              "0",
              "duplicate caller within " + p.duplicateWindowDays() + " days"));
    }
    rows.add(
        new Row(
            "publisher-" + i++,
            List.of("-", "-", "-", "< " + p.publisherMinSeconds(), "-"),
            false,
            "0",
            "talk time under " + p.publisherMinSeconds() + " s"));
    for (BillingPolicy.TagTier t : p.tagTiers()) {
      int min = Math.max(t.minSeconds(), p.publisherMinSeconds());
      rows.add(
          new Row(
              "publisher-" + i++,
              List.of("-", "-", "-", ">= " + min, feelString(t.value())),
              true,
              num(t.amount()),
              "tag "
                  + p.tierTag()
                  + " = "
                  + t.value()
                  + " and at least "
                  + min
                  + " s pays $"
                  + t.amount().toPlainString()));
    }
    switch (p.mode()) {
      case FIXED ->
          rows.add(
              new Row(
                  "publisher-" + i++,
                  List.of("-", "-", "-", "-", "-"),
                  true,
                  num(p.fixedPayout() == null ? BigDecimal.ZERO : p.fixedPayout()),
                  "fixed payout $"
                      + (p.fixedPayout() == null ? "0" : p.fixedPayout().toPlainString())));
      case REVENUE_SHARE -> {
        String expr = "Revenue * " + num(p.sharePercent().movePointLeft(2));
        String why = num(p.sharePercent()) + "% revenue share";
        if (p.shareMin() != null) {
          expr = "max([" + expr + ", " + num(p.shareMin()) + "])";
          why += ", at least $" + p.shareMin().toPlainString();
        }
        if (p.shareMax() != null) {
          expr = "min([" + expr + ", " + num(p.shareMax()) + "])";
          why += ", at most $" + p.shareMax().toPlainString();
        }
        rows.add(new Row("publisher-" + i++, List.of("-", "-", "-", "-", "-"), true, expr, why));
      }
      case TIERED -> {
        for (PayoutPolicy.Tier t : p.tiers()) {
          String range =
              t.maxSeconds() == null
                  ? ">= " + t.minSeconds()
                  : "[" + t.minSeconds() + ".." + t.maxSeconds() + ")";
          rows.add(
              new Row(
                  "publisher-" + i++,
                  List.of("-", "-", "-", range, "-"),
                  true,
                  num(t.amount().amount()),
                  "tier " + range + " s pays $" + t.amount().amount().toPlainString()));
        }
        rows.add(
            new Row(
                "publisher-" + i++,
                List.of("-", "-", "-", "-", "-"),
                false,
                "0",
                "no payout tier matches"));
      }
    }
    return rows;
  }

  List<Row> bonusRows() {
    List<Row> rows = new ArrayList<>();
    BillingPolicy.RegionBonus b = p == null ? null : p.regionBonus();
    if (b != null) {
      String states =
          String.join(", ", b.states().stream().map(BillingTableDmn::feelString).toList());
      rows.add(
          new Row(
              "bonus-1",
              List.of(states),
              true,
              num(b.amount()),
              "region bonus $"
                  + b.amount().toPlainString()
                  + " for callers from "
                  + String.join(", ", b.states())));
    }
    rows.add(new Row("bonus-" + (rows.size() + 1), List.of("-"), false, "0", "no region bonus"));
    return rows;
  }

  private static void decision(
      XMLStreamWriter x, String name, List<String> required, List<String[]> inputs, List<Row> rows)
      throws XMLStreamException {
    String d = "_d_" + id(name);
    x.writeStartElement("decision");
    x.writeAttribute("id", d);
    x.writeAttribute("name", name);
    x.writeEmptyElement("variable");
    x.writeAttribute("id", d + "_var");
    x.writeAttribute("name", name);
    x.writeAttribute("typeRef", "tBilling");
    for (String r : required) {
      x.writeStartElement("informationRequirement");
      x.writeAttribute("id", d + "_req_" + id(r));
      x.writeEmptyElement("requiredInput");
      x.writeAttribute("href", "#_in_" + id(r));
      x.writeEndElement();
    }
    x.writeStartElement("decisionTable");
    x.writeAttribute("id", d + "_table");
    x.writeAttribute("hitPolicy", "FIRST");
    x.writeAttribute("outputLabel", name);
    for (String[] in : inputs) {
      x.writeStartElement("input");
      x.writeAttribute("id", d + "_input_" + id(in[0]));
      x.writeAttribute("label", in[0]);
      x.writeStartElement("inputExpression");
      x.writeAttribute("id", d + "_inexpr_" + id(in[0]));
      x.writeAttribute("typeRef", in[1]);
      text(x, "text", in[0]);
      x.writeEndElement();
      x.writeEndElement();
    }
    for (String[] out :
        List.of(
            new String[] {"Payable", "boolean"},
            new String[] {"Amount", "number"},
            new String[] {"Reason", "string"},
            new String[] {"Row", "string"})) {
      x.writeEmptyElement("output");
      x.writeAttribute("id", d + "_output_" + out[0]);
      x.writeAttribute("name", out[0]);
      x.writeAttribute("typeRef", out[1]);
    }
    for (Row r : rows) {
      x.writeStartElement("rule");
      x.writeAttribute("id", r.id());
      text(x, "description", describe(r));
      for (int i = 0; i < r.inputs().size(); i++) {
        x.writeStartElement("inputEntry");
        x.writeAttribute("id", r.id() + "_i" + i);
        text(x, "text", r.inputs().get(i));
        x.writeEndElement();
      }
      List<String> outs =
          List.of(String.valueOf(r.payable()), r.amount(), feelString(r.why()), feelString(r.id()));
      for (int i = 0; i < outs.size(); i++) {
        x.writeStartElement("outputEntry");
        x.writeAttribute("id", r.id() + "_o" + i);
        text(x, "text", outs.get(i));
        x.writeEndElement();
      }
      x.writeEndElement();
    }
    x.writeEndElement();
    x.writeEndElement();
  }

  private static void text(XMLStreamWriter x, String element, String text)
      throws XMLStreamException {
    x.writeStartElement(element);
    x.writeCharacters(text);
    x.writeEndElement();
  }

  private static String id(String name) {
    return name.replace(' ', '_');
  }

  /** A FEEL string literal; values were validated to a safe alphabet, this is belt and braces. */
  static String feelString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(' ');
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  static String describe(Row r) {
    return Character.toUpperCase(r.why().charAt(0)) + r.why().substring(1) + ".";
  }

  static String num(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() < 0) {
      s = s.setScale(0);
    }
    return s.toPlainString();
  }
}
