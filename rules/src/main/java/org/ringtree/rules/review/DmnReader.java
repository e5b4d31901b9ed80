package org.ringtree.rules.review;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.ringtree.rules.compiler.RuleIndexEntry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads a stored DMN 1.5 model back into {@link DecisionTable}s. It reads the XML the engine runs,
 * not the flow, so a reviewer sees the compiled tables themselves. Rows are linked to their node
 * through the version's rule index. DOCTYPEs and external entities are refused.
 */
public final class DmnReader {

  private DmnReader() {}

  /** A DMN document that cannot be read as a model of decision tables. */
  public static final class UnreadableDmnException extends RuntimeException {
    UnreadableDmnException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static DmnModel read(String xml, List<RuleIndexEntry> ruleIndex) {
    Map<String, RuleIndexEntry> index =
        ruleIndex.stream()
            .collect(Collectors.toMap(RuleIndexEntry::ruleId, Function.identity(), (a, b) -> a));
    Element root = parse(xml).getDocumentElement();
    if (!"definitions".equals(local(root))) {
      throw new UnreadableDmnException("not a DMN model: root element is " + local(root), null);
    }
    List<DecisionTable> tables = new ArrayList<>();
    for (Element decision : children(root, "decision")) {
      for (Element table : children(decision, "decisionTable")) {
        tables.add(table(decision, table, index));
      }
    }
    return new DmnModel(root.getAttribute("name"), root.getAttribute("namespace"), tables);
  }

  private static DecisionTable table(
      Element decision, Element table, Map<String, RuleIndexEntry> index) {
    List<DecisionTable.Column> inputs = new ArrayList<>();
    for (Element in : children(table, "input")) {
      String label = in.getAttribute("label");
      String type = "";
      for (Element expr : children(in, "inputExpression")) {
        type = expr.getAttribute("typeRef");
        if (label.isEmpty()) {
          label = text(expr);
        }
      }
      inputs.add(new DecisionTable.Column(label, type));
    }
    List<DecisionTable.Column> outputs = new ArrayList<>();
    for (Element out : children(table, "output")) {
      String label =
          out.hasAttribute("name") ? out.getAttribute("name") : out.getAttribute("label");
      outputs.add(new DecisionTable.Column(label, out.getAttribute("typeRef")));
    }
    String hitPolicy = table.hasAttribute("hitPolicy") ? table.getAttribute("hitPolicy") : "UNIQUE";
    List<TableRow> rows = new ArrayList<>();
    int number = 1;
    for (Element rule : children(table, "rule")) {
      List<String> ins = children(rule, "inputEntry").stream().map(DmnReader::text).toList();
      List<String> outs = children(rule, "outputEntry").stream().map(DmnReader::text).toList();
      String description =
          children(rule, "description").stream()
              .map(Element::getTextContent)
              .findFirst()
              .orElse("");
      String id = rule.getAttribute("id");
      RuleIndexEntry entry = index.get(id);
      rows.add(
          new TableRow(
              number++,
              id,
              ins,
              outs,
              description,
              PlainWords.row(inputs, ins, outputs, outs),
              entry == null ? null : entry.nodeId(),
              entry == null ? null : entry.artifact()));
    }
    return new DecisionTable(
        decision.getAttribute("id"),
        decision.getAttribute("name"),
        hitPolicy,
        inputs,
        outputs,
        rows);
  }

  private static Document parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new UnreadableDmnException("unreadable DMN: " + e.getMessage(), e);
    }
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(local(e))) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element entry) {
    return children(entry, "text").stream()
        .map(Element::getTextContent)
        .findFirst()
        .orElse("")
        .strip();
  }

  private static String local(Element e) {
    return e.getLocalName() == null ? e.getTagName() : e.getLocalName();
  }
}
