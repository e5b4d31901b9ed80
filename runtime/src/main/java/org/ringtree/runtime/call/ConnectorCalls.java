package org.ringtree.runtime.call;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ringtree.integrations.connector.ConnectorInvoker;
import org.ringtree.integrations.connector.ConnectorResult;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.engine.ConnectorRequest;
import org.ringtree.runtime.flow.FlowRuntimes;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
import org.springframework.stereotype.Component;

/**
 * Runs a call's connector node through the route the compiler generated for it (the one a reviewer
 * downloads), records the call in the trace with that route's id, and counts it in Prometheus
 * ({@code ringtree_connector_calls_seconds{connector, outcome}}).
 */
@Component
class ConnectorCalls {

  private final ConnectorInvoker connectors;
  private final FlowRuntimes flows;
  private final MeterRegistry meters;

  ConnectorCalls(ConnectorInvoker connectors, FlowRuntimes flows, MeterRegistry meters) {
    this.connectors = connectors;
    this.flows = flows;
    this.meters = meters;
  }

  /** What the connector gave, and the trace row that says so. */
  record Outcome(ConnectorResult result, TraceEntry trace) {}

  /** Calls the node's connector, waiting at most {@code wait}; never throws. */
  Outcome call(VersionKey versionKey, ConnectorRequest request, Duration wait) {
    String route = routeOf(request.endpointUri());
    ConnectorResult result;
    if (route != null) {
      flows.version(versionKey); // a version dropped a moment ago is built again, routes and all
      result = connectors.invokeEndpoint(request.endpointUri(), request.input(), wait);
    } else {
      result = connectors.invoke(request.connectorId(), request.input(), wait);
    }
    return new Outcome(result, traced(request, route, result));
  }

  /** The connector was not called: the answer budget is spent. */
  Outcome notCalled(ConnectorRequest request, String reason) {
    ConnectorResult result = ConnectorResult.failed(request.connectorId(), reason, Duration.ZERO);
    return new Outcome(result, traced(request, routeOf(request.endpointUri()), result));
  }

  private TraceEntry traced(ConnectorRequest request, String route, ConnectorResult result) {
    TraceOutcome outcome = result.succeeded() ? TraceOutcome.OK : TraceOutcome.FAILED;
    Timer.builder("ringtree.connector.calls")
        .description("Connector calls by connector and outcome")
        .tag("connector", request.connectorId())
        .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
        .register(meters)
        .record(result.latency());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("connector", request.connectorId());
    if (route != null) {
      detail.put("route", route);
    }
    String reason =
        result.succeeded()
            ? "connector "
                + request.connectorId()
                + " answered in "
                + result.latency().toMillis()
                + " ms"
            : "connector " + request.connectorId() + " failed: " + result.failure();
    return new TraceEntry(
        request.nodeId(),
        null,
        TraceKind.CONNECTOR,
        outcome,
        route == null ? reason : reason + " (route " + route + ")",
        null,
        (int) Math.min(Integer.MAX_VALUE, result.latency().toMillis()),
        null,
        detail);
  }

  /** {@code direct:ringtree-<version>-<node>} → its route id; null without a generated route. */
  private static String routeOf(String endpointUri) {
    return endpointUri != null && endpointUri.startsWith("direct:")
        ? endpointUri.substring("direct:".length())
        : null;
  }
}
