package org.ringtree.rules.compiler;

import java.util.List;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;

/**
 * Generates the DRL of a flow from its typed model: the shared header, then each node's rules as
 * its kind's {@link KindRules} writes them. Rules select their parameters by generated id ({@code
 * Param(id == "c1#0")}) and compare call attributes with the parameter's fields, so the only
 * literals in the text are node ids and generated names.
 */
final class DrlWriter {

  static final String PACKAGE = "org.ringtree.rules.generated";

  private final StringBuilder out = new StringBuilder();
  private final List<RuleIndexEntry> index;

  DrlWriter(List<RuleIndexEntry> index) {
    this.index = index;
  }

  String write(FlowDocument flow) {
    out.append("package ").append(PACKAGE).append(";\n\n");
    for (String type :
        List.of(
            "Attr",
            "CallTime",
            "CampaignFact",
            "CapFact",
            "ConditionCheck",
            "Param",
            "PriorCallFact",
            "RouteCheck",
            "TargetFact",
            "UsageFact")) {
      out.append("import org.ringtree.rules.engine.fact.").append(type).append(";\n");
    }
    out.append("import org.ringtree.rules.directory.Comparison;\n");
    out.append("\nglobal org.ringtree.rules.engine.fact.Outcomes out;\n");
    DrlRules drl = new DrlRules(out, index);
    for (FlowNode node : FlowCompiler.sortedNodes(flow)) {
      if (NodeCatalog.handler(node.kind()) instanceof KindRules rules) {
        rules.writeRules(node, drl);
      }
    }
    return out.toString();
  }
}
