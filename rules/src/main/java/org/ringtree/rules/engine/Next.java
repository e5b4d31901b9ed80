package org.ringtree.rules.engine;

/** What a node's execution says happens next: leave by a port, wait here, or end the call. */
public sealed interface Next {

  /** Continue along this output port. */
  record Port(String port) implements Next {}

  /** Wait at this node for the caller, the router, a connector or a recording. */
  record Wait(CallState.Waiting waiting, RouteRequest route, ConnectorRequest connector)
      implements Next {}

  /** The flow is over for this call. */
  record End(CallOutcome.Ending ending, String message) implements Next {}

  static Next port(String port) {
    return new Port(port);
  }

  static Next waitFor(CallState.Waiting waiting) {
    return new Wait(waiting, null, null);
  }

  static Next route(RouteRequest request) {
    return new Wait(CallState.Waiting.ROUTE, request, null);
  }

  static Next connector(ConnectorRequest request) {
    return new Wait(CallState.Waiting.CONNECTOR, null, request);
  }

  static Next end(CallOutcome.Ending ending, String message) {
    return new End(ending, message);
  }
}
