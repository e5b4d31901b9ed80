package org.ringtree.rules.validation;

import java.util.List;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeKind;

/**
 * Checks a flow against its node kinds' settings schema, its own structure and a directory
 * snapshot. Never throws for any document; every issue names the node and setting it is about. The
 * work is split three ways into one {@link IssueSink}: {@link GraphChecks} (the flow's shape),
 * {@link SettingsChecks} (each node against its schema) and each kind's own {@link KindCheck}.
 */
public final class FlowValidator {

  private FlowValidator() {}

  public static List<Issue> validate(FlowDocument doc, DirectorySnapshot directory) {
    IssueSink issues = new IssueSink();
    try {
      run(doc, directory == null ? DirectorySnapshot.EMPTY : directory, issues);
    } catch (RuntimeException e) {
      // A validator bug must not turn into a trace for the operator; report it as an issue.
      issues.error(null, null, "validator.failed", "The flow could not be fully checked: " + e);
    }
    return issues.issues();
  }

  private static void run(FlowDocument doc, DirectorySnapshot dir, IssueSink issues) {
    GraphChecks graph = new GraphChecks(doc, dir, issues);
    SettingsChecks settings = new SettingsChecks(issues);
    graph.document();
    graph.edges();
    for (FlowNode n : graph.nodes().values()) {
      KindCheck kind = checksOf(n.kind());
      settings.check(n.id(), "", NodeCatalog.spec(n.kind()).fields(), n.config());
      graph.ports(n, kind);
      kind.check(n, dir, issues);
    }
    graph.paths();
    graph.loops();
  }

  static KindCheck checksOf(NodeKind kind) {
    if (NodeCatalog.handler(kind) instanceof KindCheck k) {
      return k;
    }
    throw new IllegalStateException("the handler of " + kind + " does not check its nodes");
  }

  public static boolean hasErrors(List<Issue> issues) {
    return issues.stream().anyMatch(Issue::isError);
  }
}
