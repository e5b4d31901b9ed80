package org.ringtree.rules.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.simulator.EngineCallSimulator;
import org.ringtree.rules.simulator.ScriptedInput;
import org.ringtree.rules.simulator.SimulationRequest;
import org.ringtree.rules.simulator.SimulationResult;
import org.ringtree.rules.simulator.SimulationScript;

/** What the runtime stores per version is enough to rebuild it exactly. */
class StoredVersionTest {

  @Test
  void aVersionRecompilesFromItsStoredJsonToTheSameArtifacts() {
    CompiledFlow c = Fixtures.demoCompiled();
    CompiledFlow again = FlowCompiler.recompile(c.flowJson(), c.directoryJson(), c.versionKey());
    assertThat(again).isEqualTo(c);
  }

  @Test
  void anAlteredStoredVersionIsDetected() {
    CompiledFlow c = Fixtures.demoCompiled();
    String tampered = c.directoryJson().replace("\"250.00\"", "\"25.00\"").replace("250.0", "25.0");
    assertThat(tampered).isNotEqualTo(c.directoryJson());
    assertThatThrownBy(() -> FlowCompiler.recompile(c.flowJson(), tampered, c.versionKey()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void directoryJsonHoldsOnlyData() throws Exception {
    String json = RingtreeJson.mapper().writeValueAsString(Fixtures.directory());
    assertThat(json).doesNotContain("\"zero\":", "\"negative\":", "\"rtb\":");
    assertThat(RingtreeJson.mapper().readValue(json, DirectorySnapshot.class))
        .isEqualTo(Fixtures.directory());
  }

  @Test
  void aSimulationResultRoundTripsThroughJson() throws Exception {
    SimulationResult r =
        new EngineCallSimulator(new DecisionEngine())
            .simulate(
                new SimulationRequest(
                    Fixtures.demoCompiled(),
                    Fixtures.texasCall(),
                    SimulationScript.of(List.of(ScriptedInput.digits("78701")), 240),
                    null));
    String json = RingtreeJson.mapper().writeValueAsString(r);
    assertThat(RingtreeJson.mapper().readValue(json, SimulationResult.class)).isEqualTo(r);
  }
}
