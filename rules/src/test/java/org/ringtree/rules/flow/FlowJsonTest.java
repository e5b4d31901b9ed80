package org.ringtree.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.validation.Issue;

class FlowJsonTest {

  private static FlowParseResult read(String json) {
    return FlowJson.read(json);
  }

  private static String firstCode(String json) {
    FlowParseResult r = read(json);
    assertThat(r.issues()).isNotEmpty();
    return r.issues().get(0).code();
  }

  @Test
  void demoFlowRoundTripsThroughCanonicalJson() {
    FlowDocument doc = DemoNetwork.flow();
    String written = FlowJson.write(doc);
    FlowDocument again = read(written).document().orElseThrow();
    assertThat(again).isEqualTo(doc);
    assertThat(FlowJson.write(again)).isEqualTo(written);
  }

  @Test
  void emptyInputIsAnIssue() {
    assertThat(firstCode("")).isEqualTo("json.empty");
  }

  @Test
  void brokenSyntaxNamesTheLine() {
    FlowParseResult r = read("{\n \"schemaVersion\": 1,\n \"nodes\": [ }");
    assertThat(r.document()).isEmpty();
    assertThat(r.issues().get(0).code()).isEqualTo("json.syntax");
    assertThat(r.issues().get(0).message()).contains("line 3");
  }

  @Test
  void aJsonArrayIsNotAFlow() {
    assertThat(firstCode("[1,2,3]")).isEqualTo("json.notObject");
  }

  @Test
  void deepNestingHitsTheLimit() {
    String deep =
        "{\"schemaVersion\":1,\"nodes\":[],\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertThat(firstCode(deep)).isEqualTo("json.limits");
  }

  @Test
  void hugeStringsHitTheLimit() {
    String huge = "{\"schemaVersion\":1,\"nodes\":[],\"name\":\"" + "a".repeat(100_000) + "\"}";
    assertThat(firstCode(huge)).isEqualTo("json.limits");
  }

  @Test
  void hugeNumbersHitTheLimit() {
    String huge = "{\"schemaVersion\":1,\"nodes\":[],\"n\":" + "9".repeat(5000) + "}";
    assertThat(firstCode(huge)).isEqualTo("json.limits");
  }

  @Test
  void tooLargeFileIsRefusedBeforeParsing() {
    assertThat(firstCode(" ".repeat(FlowJson.MAX_CHARS + 1))).isEqualTo("json.tooLarge");
  }

  @Test
  void missingOrFutureSchemaVersion() {
    assertThat(firstCode("{\"nodes\":[]}")).isEqualTo("doc.schemaVersion");
    assertThat(firstCode("{\"schemaVersion\":99,\"nodes\":[]}")).isEqualTo("doc.schemaVersion");
  }

  @Test
  void unknownKindsDuplicateIdsAndBadEdgesAreAnchoredIssues() {
    FlowParseResult r =
        read(
            "{\"schemaVersion\":1,\"nodes\":[{\"id\":\"a\",\"kind\":\"teleport\"},{\"id\":\"b\",\"kind\":\"start\"},"
                + "{\"id\":\"b\",\"kind\":\"hangup\"},{\"kind\":\"say\"},7],\"edges\":[{\"from\":\"b\"},\"x\"]}");
    assertThat(r.issues())
        .extracting(Issue::code)
        .containsExactly(
            "node.kind",
            "node.duplicateId",
            "node.id",
            "node.malformed",
            "edge.malformed",
            "edge.malformed");
    assertThat(r.issues().get(0).nodeId()).isEqualTo("a");
    assertThat(r.document().orElseThrow().nodes()).extracting(FlowNode::id).containsExactly("b");
  }

  @Test
  void configThatIsNotAnObject() {
    FlowParseResult r =
        read(
            "{\"schemaVersion\":1,\"nodes\":[{\"id\":\"s\",\"kind\":\"start\",\"config\":[1]}],\"edges\":[]}");
    assertThat(r.issues()).extracting(Issue::code).containsExactly("node.config");
  }

  @Test
  void tooManyNodes() {
    StringBuilder sb = new StringBuilder("{\"schemaVersion\":1,\"nodes\":[");
    for (int i = 0; i <= FlowJson.MAX_NODES; i++) {
      sb.append(i == 0 ? "" : ",")
          .append("{\"id\":\"n")
          .append(i)
          .append("\",\"kind\":\"hangup\"}");
    }
    assertThat(firstCode(sb.append("]}").toString())).isEqualTo("doc.tooManyNodes");
  }
}
