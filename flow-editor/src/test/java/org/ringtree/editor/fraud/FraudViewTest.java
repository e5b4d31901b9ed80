package org.ringtree.editor.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.AllFinishedEvent;
import com.vaadin.flow.component.upload.Upload;
import elemental.json.JsonArray;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fraud screen over an in-memory port: an upload reports what was imported or every refused
 * line, and the policy form saves the chosen actions for the chosen scope, asking for confirmation
 * where the platform does.
 */
class FraudViewTest {

  /** A port that keeps policies, refuses a file with a bad line and wants "+1*" confirmed. */
  static final class MemoryPort implements FraudPort {
    final List<Entry> entries = new ArrayList<>();
    final Map<String, Policy> policies = new HashMap<>();
    final List<Boolean> confirmations = new ArrayList<>();

    @Override
    public List<String> checks() {
      return List.of("BLOCKLIST", "VELOCITY", "STIR_UNATTESTED", "ROTATING_DIALER", "GEO_MISMATCH");
    }

    @Override
    public List<String> actions() {
      return List.of("FLAG_FOR_REVIEW", "ROUTE_NOT_PAYABLE", "MESSAGE_AND_HANG_UP", "REJECT");
    }

    @Override
    public Map<String, String> campaigns() {
      return Map.of("pi-accidents", "Personal injury");
    }

    @Override
    public List<Entry> entries(int offset, int limit) {
      return entries;
    }

    @Override
    public long countEntries() {
      return entries.size();
    }

    @Override
    public int importCsv(String text, String listName, boolean confirm) {
      if (text.contains("bad")) {
        throw new FraudProblem(
            "the blocklist has 1 bad line (first: line 2); nothing was imported",
            List.of("line 2: expected an E.164 number"),
            false);
      }
      if (text.contains("+1*") && !confirm) {
        throw new FraudProblem("would stop most calls", List.of("prefix +1…"), true);
      }
      for (String line : text.split("\n")) {
        entries.add(
            new Entry(entries.size() + 1, "NUMBER", line, line, listName, "", "op", Instant.EPOCH));
      }
      return text.split("\n").length;
    }

    @Override
    public void delete(long id) {
      entries.removeIf(e -> e.id() == id);
    }

    @Override
    public Optional<Policy> policy(String scope) {
      return Optional.ofNullable(policies.get(scope));
    }

    @Override
    public Policy save(Policy p, boolean confirm) {
      confirmations.add(confirm);
      Policy saved =
          new Policy(
              p.scope(),
              p.actions(),
              p.velocityCalls(),
              p.velocityWindowMinutes(),
              p.minimumAttestation(),
              p.message(),
              p.rotationNumbers(),
              p.rotationWindowMinutes(),
              policies.containsKey(p.scope()) ? policies.get(p.scope()).version() + 1 : 1);
      policies.put(p.scope(), saved);
      return saved;
    }

    @Override
    public List<Finding> findings(int limit) {
      return List.of();
    }
  }

  private final MemoryPort port = new MemoryPort();

  @Test
  void anUploadShowsWhatWasImportedOrEveryRefusedLine() {
    FraudView view = new FraudView(port);

    view.importCsv("+13105550111\n+13105550112");
    assertThat(text(view, "fraud-import-result")).isEqualTo("Imported 2 entries.");
    assertThat(text(view, "fraud-entry-count")).isEqualTo("2 entries");

    view.importCsv("+13105550113\nbad");
    assertThat(text(view, "fraud-import-result"))
        .contains("line 2: expected an E.164 number")
        .contains("nothing was imported");
    assertThat(port.entries).hasSize(2);

    view.importCsv("+1*");
    assertThat(text(view, "fraud-import-result")).contains("tick the confirmation");
    this.<Boolean>field(view, "fraud-import-confirm").setValue(true);
    view.importCsv("+1*");
    assertThat(port.entries).hasSize(3);
  }

  @Test
  void theUploadTakesOneFileAndKeepsItsEntryUntilEveryUploadFinished() {
    FraudView view = new FraudView(port);
    Upload upload = (Upload) find(view, "fraud-upload");

    // what the upload handler runs once the file is read
    view.importCsv("+13105550111");

    assertThat(upload.getMaxFiles()).isEqualTo(1);
    assertThat(upload.getElement().getPropertyRaw("files")).isNull();
    ComponentUtil.fireEvent(upload, new AllFinishedEvent(upload));
    assertThat(upload.getElement().getPropertyRaw("files"))
        .isInstanceOfSatisfying(JsonArray.class, files -> assertThat(files.length()).isZero());
  }

  @Test
  void thePolicyFormSavesTheChosenActionsForTheNetworkAndShowsTheVersion() {
    FraudView view = new FraudView(port);
    assertThat(text(view, "fraud-policy-result")).isEqualTo("No policy saved.");

    this.<String>field(view, "fraud-action-blocklist").setValue("REJECT");
    this.<Integer>field(view, "fraud-velocity-calls").setValue(3);
    this.<Integer>field(view, "fraud-velocity-minutes").setValue(60);
    this.<String>field(view, "fraud-action-velocity").setValue("MESSAGE_AND_HANG_UP");
    view.savePolicy();

    FraudPort.Policy saved = port.policies.get(FraudPort.NETWORK);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("BLOCKLIST", "REJECT");
    expected.put("VELOCITY", "MESSAGE_AND_HANG_UP");
    assertThat(saved.actions()).isEqualTo(expected);
    assertThat(saved.velocityCalls()).isEqualTo(3);
    assertThat(saved.velocityWindowMinutes()).isEqualTo(60);
    assertThat(port.confirmations).containsExactly(false);
    assertThat(text(view, "fraud-policy-result")).isEqualTo("Saved: version 1.");

    this.<String>field(view, "fraud-scope").setValue("pi-accidents");
    assertThat(this.<String>field(view, "fraud-action-blocklist").getValue()).isNull();
  }

  @Test
  void thePolicyFormOffersTheRotatingDialerLimitAndTheGeoMismatchCheck() {
    FraudView view = new FraudView(port);

    this.<String>field(view, "fraud-action-rotating-dialer").setValue("REJECT");
    this.<Integer>field(view, "fraud-rotation-numbers").setValue(4);
    this.<Integer>field(view, "fraud-rotation-minutes").setValue(30);
    this.<String>field(view, "fraud-action-geo-mismatch").setValue("ROUTE_NOT_PAYABLE");
    view.savePolicy();

    FraudPort.Policy saved = port.policies.get(FraudPort.NETWORK);
    assertThat(saved.actions())
        .containsEntry("ROTATING_DIALER", "REJECT")
        .containsEntry("GEO_MISMATCH", "ROUTE_NOT_PAYABLE");
    assertThat(saved.rotationNumbers()).isEqualTo(4);
    assertThat(saved.rotationWindowMinutes()).isEqualTo(30);

    // shown again when the scope is chosen anew
    this.<String>field(view, "fraud-scope").setValue("pi-accidents");
    this.<String>field(view, "fraud-scope").setValue(FraudPort.NETWORK);
    assertThat(this.<Integer>field(view, "fraud-rotation-numbers").getValue()).isEqualTo(4);
  }

  private static String text(Component root, String id) {
    return ((Span) find(root, id)).getText();
  }

  @SuppressWarnings("unchecked")
  private <T> HasValue<?, T> field(Component root, String id) {
    return (HasValue<?, T>) find(root, id);
  }

  private static Component find(Component root, String id) {
    return descendants(root)
        .filter(c -> c.getId().filter(id::equals).isPresent())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no component " + id));
  }

  private static Stream<Component> descendants(Component c) {
    return Stream.concat(Stream.of(c), c.getChildren().flatMap(FraudViewTest::descendants));
  }
}
