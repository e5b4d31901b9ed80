package org.ringtree.rules.node.connector;

import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.CONNECTOR_REF;
import static org.ringtree.rules.flow.FieldType.INTEGER;
import static org.ringtree.rules.flow.FieldType.KEY_VALUE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.ringtree.rules.compiler.CamelRoute;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.engine.CallInput;
import org.ringtree.rules.engine.ConnectorRequest;
import org.ringtree.rules.engine.Next;
import org.ringtree.rules.engine.Turn;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.node.KindHandler;
import org.ringtree.rules.validation.IssueSink;

/**
 * Calls a registered connector: the call waits while the runtime sends the mapped tags to the
 * node's generated Camel route (this handler's {@link #camelRoute}) and continues with the reply's
 * fields as tags.
 */
public final class ConnectorHandler extends KindHandler {

  static final Pattern CONNECTOR_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  /** inputs: connector parameter -> call tag sent; outputs: call tag set -> reply field. */
  record Settings(
      String connectorId,
      Map<String, String> inputs,
      Map<String, String> outputs,
      int timeoutMillis) {
    static Settings of(NodeConfig c) {
      return new Settings(
          c.string("connectorId"),
          c.stringMap("inputs"),
          c.stringMap("outputs"),
          c.integer("timeoutMillis", 3000));
    }
  }

  private static final NodeSpec SPEC =
      new NodeSpec(
          NodeKind.CONNECTOR,
          "Connector",
          "Integration",
          "Calls a registered Camel route with call tags and stores its answer as tags.",
          List.of(
              of("connectorId", "Connector", CONNECTOR_REF, "The registered connector route id.")
                  .maxLength(64)
                  .mandatory(),
              of("inputs", "Inputs", KEY_VALUE, "Connector parameter name -> call tag sent."),
              of("outputs", "Outputs", KEY_VALUE, "Call tag to set -> connector result field."),
              of("timeoutMillis", "Timeout (ms)", INTEGER, "How long to wait for the connector.")
                  .range(50, 30000)
                  .withDefault(3000)),
          List.of(
              new PortSpec("next", "Next", true, "After the connector answered."),
              new PortSpec(
                  "error",
                  "Error",
                  false,
                  "On failure or timeout; continues at next if unconnected.")),
          null);

  public ConnectorHandler() {
    super(SPEC);
  }

  @Override
  public String summary(NodeConfig c) {
    String id = Settings.of(c).connectorId();
    return id == null ? "" : id;
  }

  @Override
  public void check(FlowNode node, DirectorySnapshot dir, IssueSink issues) {
    String id = Settings.of(node.settings()).connectorId();
    if (id == null) {
      return;
    }
    if (!CONNECTOR_ID.matcher(id).matches()) {
      issues.error(
          node.id(),
          "connectorId",
          "connector.idFormat",
          "Connector ids are kebab-case: " + FlowJson.quote(id));
    } else if (!dir.connectorIds().contains(id)) {
      issues.error(
          node.id(),
          "connectorId",
          "connector.unknown",
          "Unknown connector " + FlowJson.quote(id) + ".");
    }
  }

  // ---- compilation

  @Override
  public Optional<CamelRoute> camelRoute(FlowNode node) {
    Settings s = Settings.of(node.settings());
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("ringtree.inputs", RingtreeJson.write(new TreeMap<>(s.inputs())));
    properties.put("ringtree.outputs", RingtreeJson.write(new TreeMap<>(s.outputs())));
    properties.put("ringtree.timeoutMillis", String.valueOf(s.timeoutMillis()));
    return Optional.of(
        new CamelRoute(
            properties,
            connectorEndpoint(s.connectorId()),
            "Calls connector "
                + s.connectorId()
                + " with the mapped tags and waits at most "
                + s.timeoutMillis()
                + " ms."));
  }

  /**
   * The connector's own route: the node names it by name ({@code crm-lookup}, as the editor lists
   * it) or by route id ({@code connector-crm-lookup}); either way it is {@code
   * direct:connector-<name>}.
   */
  static String connectorEndpoint(String connector) {
    return "direct:" + (connector.startsWith("connector-") ? connector : "connector-" + connector);
  }

  // ---- execution

  @Override
  public Next enter(FlowNode node, Turn t) {
    Settings s = Settings.of(node.settings());
    Map<String, String> attrs = t.attributes();
    Map<String, String> tags = t.facts().tags();
    Map<String, String> input = new TreeMap<>();
    s.inputs()
        .forEach(
            (param, tag) -> {
              String v = attrs.containsKey(tag) ? attrs.get(tag) : tags.get(tag);
              if (v != null) {
                input.put(param, v);
              }
            });
    t.trace(node.id(), null, "Calling connector " + s.connectorId() + ".");
    return Next.connector(
        new ConnectorRequest(
            node.id(),
            s.connectorId(),
            t.runtime().compiled().connectorEndpoints().get(node.id()),
            input,
            s.timeoutMillis()));
  }

  @Override
  public Next resume(FlowNode node, Turn t, CallInput input) {
    if (input instanceof CallInput.ConnectorReply reply && reply.ok()) {
      Settings.of(node.settings())
          .outputs()
          .forEach(
              (tag, field) -> {
                String v = reply.values().get(field);
                if (v != null) {
                  t.tags().put(tag, v);
                }
              });
      t.trace(node.id(), null, "Connector replied; tags updated.");
      return Next.port("next");
    }
    t.trace(node.id(), null, "Connector failed or timed out.");
    return Next.port(t.connected(node.id(), "error") ? "error" : "next");
  }
}
