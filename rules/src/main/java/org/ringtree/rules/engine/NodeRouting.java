package org.ringtree.rules.engine;

import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.routing.BidCollector;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;

/**
 * How a node kind that waits with a {@link RouteRequest} decides where the call goes; {@link
 * DecisionEngine#route} asks the handler of the node the call waits at. Implemented by the route
 * kind's handler in {@code org.ringtree.rules.node}.
 */
public interface NodeRouting {

  /** Eligibility, bids, prices and ranking for one call at this node, with the reasons. */
  RouteDecision decide(FlowNode node, FlowRuntime runtime, RouteContext context, BidCollector bids);
}
