package org.ringtree.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.flow.FlowNode;

/**
 * The demo flow is the first canvas a new operator sees: its nodes must not sit on one another. The
 * editor draws a node about 150 units wide and at most 110 high (a menu with its outlets).
 */
class DemoFlowLayoutTest {

  private static final double NODE_WIDTH = 150;
  private static final double NODE_HEIGHT = 110;

  @Test
  void noTwoNodesOfTheDemoFlowOverlapOnTheCanvas() {
    List<FlowNode> nodes = DemoNetworkSeeder.demoFlow().nodes();
    List<String> overlapping = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        FlowNode a = nodes.get(i);
        FlowNode b = nodes.get(j);
        boolean apartSideways = Math.abs(a.position().x() - b.position().x()) >= NODE_WIDTH + 20;
        boolean apartDownwards = Math.abs(a.position().y() - b.position().y()) >= NODE_HEIGHT + 20;
        if (!apartSideways && !apartDownwards) {
          overlapping.add(a.id() + " / " + b.id());
        }
      }
    }
    assertThat(overlapping).isEmpty();
  }
}
