package org.ringtree.rules.compiler;

import java.util.List;
import java.util.Map;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.flow.FlowDocument;

/**
 * A published flow version, self-contained: the flow, the directory entries it uses, and the
 * generated artifacts. {@code versionKey} is a hash of the inputs, so equal inputs give the same
 * key and byte-identical artifacts. {@code connectorEndpoints} maps connector node ids to the Camel
 * endpoint the runtime sends to.
 */
public record CompiledFlow(
    VersionKey versionKey,
    FlowDocument flow,
    DirectorySnapshot directory,
    String flowJson,
    String directoryJson,
    String drl,
    String routingDmn,
    String billingDmn,
    String camelYaml,
    Map<String, String> connectorEndpoints,
    List<RuleIndexEntry> ruleIndex) {

  public CompiledFlow {
    connectorEndpoints = Map.copyOf(connectorEndpoints);
    ruleIndex = List.copyOf(ruleIndex);
  }

  /** The index entries of one node, in generation order. */
  public List<RuleIndexEntry> rulesOf(String nodeId) {
    return ruleIndex.stream().filter(e -> nodeId.equals(e.nodeId())).toList();
  }

  public java.util.Optional<RuleIndexEntry> rule(String ruleId) {
    return ruleIndex.stream().filter(e -> e.ruleId().equals(ruleId)).findFirst();
  }
}
