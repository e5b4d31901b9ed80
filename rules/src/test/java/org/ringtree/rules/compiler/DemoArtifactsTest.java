package org.ringtree.rules.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.flow.FlowJsonSchema;

/**
 * Writes the demo flow's generated artifacts to target/demo-artifacts (for docs and diffs) and
 * checks that docs/rules.md shows the current output, so the docs cannot drift from the compiler.
 */
class DemoArtifactsTest {

  @Test
  void writesTheDemoArtifactsAndTheDocsShowThem() throws Exception {
    CompiledFlow c = Fixtures.demoCompiled();
    Path out = Path.of("target", "demo-artifacts");
    Files.createDirectories(out);
    Files.writeString(out.resolve("flow.drl"), c.drl(), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("routing.dmn"), c.routingDmn(), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("billing.dmn"), c.billingDmn(), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("camel.yaml"), c.camelYaml(), StandardCharsets.UTF_8);
    Files.writeString(
        out.resolve("flow-document.schema.json"),
        FlowJsonSchema.toJsonSchema(),
        StandardCharsets.UTF_8);
    StringBuilder index = new StringBuilder();
    c.ruleIndex()
        .forEach(
            e ->
                index
                    .append(e.ruleId())
                    .append('\t')
                    .append(e.artifact())
                    .append('\t')
                    .append(e.nodeId())
                    .append('\t')
                    .append(e.description())
                    .append('\n'));
    Files.writeString(out.resolve("rule-index.tsv"), index.toString(), StandardCharsets.UTF_8);

    org.ringtree.rules.flow.FlowDocument withConnector =
        new Fixtures.FlowBuilder()
            .node(
                "crm",
                org.ringtree.rules.flow.NodeKind.CONNECTOR,
                java.util.Map.of(
                    "connectorId",
                    "crm-lookup",
                    "inputs",
                    java.util.Map.of("phone", "caller.number", "zip", "answer.zip"),
                    "outputs",
                    java.util.Map.of("vip", "isVip"),
                    "timeoutMillis",
                    1500L))
            .node("bye", org.ringtree.rules.flow.NodeKind.HANGUP, java.util.Map.of())
            .edge("start", "next", "crm")
            .edge("crm", "next", "bye")
            .build();
    Files.writeString(
        out.resolve("camel-connector-example.yaml"),
        FlowCompiler.compile(withConnector, org.ringtree.rules.examples.DemoNetwork.directory())
            .orElseThrow()
            .camelYaml(),
        StandardCharsets.UTF_8);
    String nodeKinds = NodeKindsMarkdown.render();
    Files.writeString(out.resolve("node-kinds.md"), nodeKinds, StandardCharsets.UTF_8);

    Path flows = Path.of("..", "docs", "flows.md");
    if (Files.exists(flows)) {
      assertThat(Files.readString(flows, StandardCharsets.UTF_8))
          .as("docs/flows.md shows the catalog; copy target/demo-artifacts/node-kinds.md")
          .contains(nodeKinds.strip());
    }
    Path docs = Path.of("..", "docs", "rules.md");
    assumeTrue(
        Files.exists(docs), "docs/rules.md is checked when the module is built in the repository");
    String md = Files.readString(docs, StandardCharsets.UTF_8);
    String condition = c.drl().substring(c.drl().indexOf("rule \"cond_texas_0\""));
    assertThat(md).contains(condition.strip());
    String routingRule =
        c.routingDmn()
            .substring(
                c.routingDmn().indexOf("<rule id=\"routing-ring\">"),
                c.routingDmn().indexOf("</rule>") + 7);
    assertThat(md).contains(routingRule.strip());
    c.ruleIndex().stream()
        .filter(e -> e.artifact().equals("dmn-billing"))
        .forEach(
            e ->
                assertThat(md)
                    .as("docs/rules.md lists the billing row " + e.ruleId())
                    .contains(
                        "| `" + e.ruleId() + "` | dmn-billing |  | " + e.description() + " |"));
    assertThat(md)
        .as("docs/rules.md shows target/demo-artifacts/camel-connector-example.yaml")
        .contains(Files.readString(out.resolve("camel-connector-example.yaml")).strip());
  }
}
