package org.ringtree.rules.engine;

import java.util.Map;

/**
 * The call reached a connector node: send {@code input} (parameter name -> value) to the Camel
 * endpoint, wait at most {@code timeoutMillis}, and report with {@link CallInput.ConnectorReply}.
 */
public record ConnectorRequest(
    String nodeId,
    String connectorId,
    String endpointUri,
    Map<String, String> input,
    long timeoutMillis) {
  public ConnectorRequest {
    input = Map.copyOf(input);
  }
}
