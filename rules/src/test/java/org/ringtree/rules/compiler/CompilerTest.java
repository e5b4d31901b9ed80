package org.ringtree.rules.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.validation.Issue;

class CompilerTest {

  static void assertValidDmn15(String xml) throws Exception {
    URL xsd = CompilerTest.class.getResource("/omg-dmn-1.5/DMN15.xsd");
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Validator v = f.newSchema(xsd).newValidator();
    v.validate(new StreamSource(new StringReader(xml)));
  }

  @Test
  void demoFlowCompilesToEveryArtifact() {
    CompiledFlow c = Fixtures.demoCompiled();
    assertThat(c.drl()).startsWith("package org.ringtree.rules.generated;");
    assertThat(c.drl())
        .contains("rule \"cond_texas_0\"", "rule \"cond_texas_1\"", "rule \"elig_ring_hours\"");
    assertThat(c.routingDmn()).contains("hitPolicy=\"UNIQUE\"");
    assertThat(c.billingDmn()).contains("hitPolicy=\"FIRST\"");
    assertThat(c.directory().targets())
        .extracting(t -> t.id())
        .containsExactly("acme-law", "beta-legal", "gamma-attorneys");
    assertThat(c.directory().campaigns()).hasSize(1);
  }

  @Test
  void bothDmnModelsValidateAgainstTheOmgDmn15Schema() throws Exception {
    CompiledFlow c = Fixtures.demoCompiled();
    assertValidDmn15(c.routingDmn());
    assertValidDmn15(c.billingDmn());
  }

  @Test
  void everyGeneratedRuleAndRowIsIndexedWithADescription() {
    CompiledFlow c = Fixtures.demoCompiled();
    List<String> drlRules =
        c.drl()
            .lines()
            .filter(l -> l.startsWith("rule \""))
            .map(l -> l.substring(6, l.length() - 1))
            .toList();
    assertThat(c.ruleIndex())
        .filteredOn(e -> e.artifact().equals("drl"))
        .extracting(RuleIndexEntry::ruleId)
        .containsExactlyElementsOf(drlRules);
    assertThat(c.ruleIndex())
        .allSatisfy(e -> assertThat(e.description()).isNotBlank().endsWith("."));
    assertThat(c.rulesOf("texas"))
        .extracting(RuleIndexEntry::description)
        .containsExactly(
            "True when IVR answer zip matches the pattern 7[5-9][0-9]{3}.",
            "True when the caller's state is one of TX.");
    assertThat(c.rule("routing-ring")).map(RuleIndexEntry::nodeId).contains("ring");
    assertThat(c.rule("publisher-5")).map(RuleIndexEntry::artifact).contains("dmn-billing");
  }

  @Test
  void compilationIsByteIdenticalForTheSameInput() {
    CompiledFlow a = Fixtures.demoCompiled();
    FlowDocument reread =
        FlowJson.read(FlowJson.write(DemoNetwork.flow())).document().orElseThrow();
    CompiledFlow b = FlowCompiler.compile(reread, DemoNetwork.directory()).orElseThrow();
    assertThat(b).isEqualTo(a);
    assertThat(b.versionKey()).isEqualTo(a.versionKey());
  }

  @Test
  void versionKeyChangesWhenTheFlowOrItsDirectoryChanges() {
    CompiledFlow a = Fixtures.demoCompiled();
    FlowDocument changed =
        FlowJson.read(
                FlowJson.write(DemoNetwork.flow()).replace("\"floor\" : 50", "\"floor\" : 60"))
            .document()
            .orElseThrow();
    CompiledFlow b = FlowCompiler.compile(changed, DemoNetwork.directory()).orElseThrow();
    assertThat(b.versionKey()).isNotEqualTo(a.versionKey());
    assertThat(b.routingDmn()).isNotEqualTo(a.routingDmn());
    assertThat(b.drl()).isEqualTo(a.drl());
  }

  @Test
  void connectorNodesBecomeCamelYamlRoutes() {
    FlowDocument f =
        new Fixtures.FlowBuilder()
            .node(
                "crm",
                NodeKind.CONNECTOR,
                Map.of(
                    "connectorId",
                    "crm-lookup",
                    "inputs",
                    Map.of("phone", "caller.number"),
                    "timeoutMillis",
                    1500L))
            .node("bye", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "crm")
            .edge("crm", "next", "bye")
            .build();
    CompiledFlow c = FlowCompiler.compile(f, DemoNetwork.directory()).orElseThrow();
    String routeId = "ringtree-" + c.versionKey() + "-crm";
    assertThat(c.camelYaml())
        .contains("- route:\n    id: \"" + routeId + "\"")
        .contains("uri: \"direct:" + routeId + "\"")
        .contains("constant: \"{\\\"phone\\\":\\\"caller.number\\\"}\"")
        .contains("uri: \"direct:connector-crm-lookup\"");
    assertThat(c.connectorEndpoints()).containsEntry("crm", "direct:" + routeId);
    assertThat(c.rulesOf("crm")).extracting(RuleIndexEntry::artifact).containsExactly("camel");
  }

  @Test
  void aFlowWithErrorsIsNotCompiled() {
    FlowDocument broken =
        new Fixtures.FlowBuilder()
            .node("r", NodeKind.ROUTE, Map.of("targets", List.of("nobody")))
            .edge("start", "next", "r")
            .build();
    CompileResult r = FlowCompiler.compile(broken, DemoNetwork.directory());
    assertThat(r.compiled()).isEmpty();
    assertThat(r.issues())
        .extracting(Issue::code)
        .contains("route.unknownTarget", "route.noFallback");
  }
}
