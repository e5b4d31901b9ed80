package org.ringtree.editor.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.shell.Viewer;

/**
 * The publisher quality screen over an in-memory port: the flags with their evidence and figures
 * and the score bands are shown; "Run now" reports the run; a dismissal without a reason shows the
 * refusal; a pause first says how many numbers it takes and happens only when confirmed; resume and
 * the alert URL's refusal are shown; compliance gets no buttons.
 */
class PublisherQualityViewTest {

  static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  /** A port with one farm flag, two publishers' bands and two numbers per publisher. */
  static final class MemoryPort implements PublisherQualityPort {
    final List<Flag> flags = new ArrayList<>();
    final Map<String, Integer> inService = new HashMap<>(Map.of("pub-farm", 2, "pub-tv", 1));
    final List<Pause> pauses = new ArrayList<>();
    final List<String> paused = new ArrayList<>();
    Run run;
    String url = "";

    MemoryPort() {
      flags.add(
          new Flag(
              7,
              "pub-farm",
              "+18885550005",
              "THRESHOLD_CLUSTERING",
              "OPEN",
              "90 of 110 calls (81.8 %) ended within 15 s past the billable threshold; the rest"
                  + " of the network: 40 of 1000 (4.0 %); one-sided binomial p < 1e-300",
              90,
              110,
              40,
              1000,
              0.04,
              0.0,
              T,
              null,
              null));
    }

    @Override
    public Run latestRun() {
      return run;
    }

    @Override
    public List<Flag> openFlags() {
      return List.copyOf(flags);
    }

    @Override
    public List<Pause> pauses() {
      return List.copyOf(pauses);
    }

    @Override
    public Run runNow() {
      run =
          new Run(
              3,
              T,
              T.minusSeconds(7 * 86400),
              T,
              "olga",
              1110,
              1,
              1,
              List.of(
                  new Bands("pub-farm", 110, List.of(60, 30, 10, 10, 0), 15),
                  new Bands("pub-tv", 1000, List.of(0, 50, 150, 400, 400), 72)));
      return run;
    }

    @Override
    public Flag acknowledge(long flagId, String reason) {
      return flags.get(0);
    }

    @Override
    public Flag dismiss(long flagId, String reason) {
      if (reason == null || reason.isBlank()) {
        throw new PublisherQualityProblem("say why the flag is dismissed");
      }
      flags.removeIf(f -> f.id() == flagId);
      return null;
    }

    @Override
    public int numbersInService(String publisherId) {
      return inService.getOrDefault(publisherId, 0);
    }

    @Override
    public int pause(String publisherId) {
      int n = inService.put(publisherId, 0);
      paused.add(publisherId);
      pauses.add(new Pause(publisherId, n, "olga", T));
      return n;
    }

    @Override
    public int resume(String publisherId) {
      Pause p = pauses.stream().filter(x -> x.publisherId().equals(publisherId)).findFirst().get();
      pauses.remove(p);
      inService.put(publisherId, p.numbers());
      return p.numbers();
    }

    @Override
    public String alertUrl() {
      return url;
    }

    @Override
    public String saveAlertUrl(String u) {
      if (u.contains("10.")) {
        throw new PublisherQualityProblem(
            "the alert URL is refused: 10.1.2.3 is a private address (10.1.2.3)");
      }
      url = u.strip();
      return url;
    }
  }

  private final MemoryPort port = new MemoryPort();

  private static Viewer as(String role) {
    return new Viewer(role.toLowerCase(), Set.of(role));
  }

  @Test
  void showsTheFlagsWithEvidenceAndFiguresAndRunNowShowsTheRunAndItsScoreBands() {
    PublisherQualityView view = new PublisherQualityView(port, as(Viewer.OPERATOR));
    assertThat(text(view, "quality-run")).startsWith("No run yet");
    assertThat(view.shownFlags())
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).contains("81.8 %"));
    assertThat(PublisherQualityView.figures(port.flags.get(0)))
        .isEqualTo("90/110 (81.8 %) vs 40/1000 (4.0 %)");
    assertThat(PublisherQualityView.pValue(0.0)).isEqualTo("< 1e-300");

    view.runNow();

    assertThat(text(view, "quality-result")).isEqualTo("Run 3: 1110 calls, 1 flag, 1 new.");
    assertThat(text(view, "quality-run")).contains("Newest run 3").contains("by olga");
    assertThat(view.shownBands())
        .extracting(PublisherQualityPort.Bands::publisherId)
        .containsExactly("pub-farm", "pub-tv");
    assertThat(view.shownBands().get(0).median()).isEqualTo(15);
  }

  @Test
  void aDismissalWithoutAReasonIsRefusedAndWithOneItLeavesTheList() {
    PublisherQualityView view = new PublisherQualityView(port, as(Viewer.OPERATOR));
    PublisherQualityPort.Flag flag = view.shownFlags().get(0);

    view.dismiss(flag);
    assertThat(text(view, "quality-result")).isEqualTo("say why the flag is dismissed");
    assertThat(view.shownFlags()).hasSize(1);

    this.<String>field(view, "quality-reason").setValue("known test traffic");
    view.dismiss(flag);
    assertThat(text(view, "quality-result")).isEqualTo("Flag 7 dismissed.");
    assertThat(view.shownFlags()).isEmpty();
  }

  @Test
  void aPauseSaysHowManyNumbersItTakesAndHappensOnlyWhenConfirmedThenResumes() {
    PublisherQualityView view = new PublisherQualityView(port, as(Viewer.OPERATOR));

    view.askPause("pub-farm");
    assertThat(find(view, "quality-pause-confirmation").isVisible()).isTrue();
    assertThat(text(view, "quality-pause-question"))
        .isEqualTo(
            "Pause 2 tracking numbers of pub-farm? Calls to them will hear the unknown-number"
                + " message until you resume.");
    assertThat(port.paused).isEmpty();
    view.cancelPause();
    assertThat(find(view, "quality-pause-confirmation").isVisible()).isFalse();
    assertThat(port.paused).isEmpty();

    view.askPause("pub-farm");
    view.confirmPause();
    assertThat(port.paused).containsExactly("pub-farm");
    assertThat(text(view, "quality-result")).isEqualTo("Paused 2 numbers of pub-farm.");
    assertThat(view.shownPauses())
        .extracting(PublisherQualityPort.Pause::publisherId)
        .containsExactly("pub-farm");

    view.askPause("pub-farm");
    assertThat(text(view, "quality-result"))
        .isEqualTo("pub-farm has no number in service to pause.");

    view.resume("pub-farm");
    assertThat(text(view, "quality-result")).isEqualTo("Resumed 2 numbers of pub-farm.");
    assertThat(view.shownPauses()).isEmpty();
  }

  @Test
  void theAlertUrlShowsTheGuardsRefusalOrWhatWasSaved() {
    PublisherQualityView view = new PublisherQualityView(port, as(Viewer.ADMIN));

    this.<String>field(view, "quality-alert-url").setValue("http://10.1.2.3/hook");
    view.saveAlertUrl();
    assertThat(text(view, "quality-alert-result")).contains("refused").contains("private address");
    assertThat(port.url).isEmpty();

    this.<String>field(view, "quality-alert-url").setValue("https://alerts.example.com/ringtree");
    view.saveAlertUrl();
    assertThat(text(view, "quality-alert-result"))
        .isEqualTo("Saved: https://alerts.example.com/ringtree");
  }

  @Test
  void complianceReadsWithoutRunPauseOrSaveButtons() {
    PublisherQualityView view = new PublisherQualityView(port, as(Viewer.COMPLIANCE));
    assertThat(ids(view))
        .doesNotContain("quality-run-now", "quality-alert-save", "quality-pause-confirm");
    assertThat(view.shownFlags()).hasSize(1);
  }

  private static String text(Component root, String id) {
    return ((Span) find(root, id)).getText();
  }

  @SuppressWarnings("unchecked")
  private <T> HasValue<?, T> field(Component root, String id) {
    return (HasValue<?, T>) find(root, id);
  }

  private static List<String> ids(Component root) {
    return descendants(root).flatMap(c -> c.getId().stream()).toList();
  }

  private static Component find(Component root, String id) {
    return descendants(root)
        .filter(c -> c.getId().filter(id::equals).isPresent())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no component " + id));
  }

  private static Stream<Component> descendants(Component c) {
    return Stream.concat(
        Stream.of(c), c.getChildren().flatMap(PublisherQualityViewTest::descendants));
  }
}
