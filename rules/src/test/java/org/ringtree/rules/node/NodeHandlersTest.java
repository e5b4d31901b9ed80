package org.ringtree.rules.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ringtree.rules.engine.NodeExecution;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeKindHandler;
import org.ringtree.rules.validation.KindCheck;

/** Every node kind has one registered handler that can describe, check and run its nodes. */
class NodeHandlersTest {

  @Test
  void everyKindHasAHandlerThatChecksAndRunsItsNodes() {
    for (NodeKind kind : NodeKind.values()) {
      NodeKindHandler handler = NodeCatalog.handler(kind);
      assertThat(handler).as("handler of %s", kind).isNotNull();
      assertThat(handler.spec().kind()).isEqualTo(kind);
      assertThat(handler).as("%s checks its nodes", kind).isInstanceOf(KindCheck.class);
      assertThat(handler).as("%s runs its nodes", kind).isInstanceOf(NodeExecution.class);
    }
  }

  @Test
  void eachKindLivesInItsOwnPackageUnderNode() {
    for (NodeKind kind : NodeKind.values()) {
      String pkg = NodeCatalog.handler(kind).getClass().getPackageName();
      assertThat(pkg).as("package of %s", kind).startsWith("org.ringtree.rules.node.");
    }
    assertThat(
            java.util.Arrays.stream(NodeKind.values())
                .map(k -> NodeCatalog.handler(k).getClass().getPackageName())
                .distinct()
                .count())
        .isEqualTo(NodeKind.values().length);
  }
}
