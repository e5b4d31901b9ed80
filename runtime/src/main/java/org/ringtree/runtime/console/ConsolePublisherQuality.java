package org.ringtree.runtime.console;

import java.util.List;
import java.util.function.Supplier;
import org.ringtree.editor.quality.PublisherQualityPort;
import org.ringtree.editor.quality.PublisherQualityProblem;
import org.ringtree.runtime.quality.PublisherPauses;
import org.ringtree.runtime.quality.QualityAlerts;
import org.ringtree.runtime.quality.QualityFlagStore;
import org.ringtree.runtime.quality.QualityMonitor;
import org.ringtree.runtime.quality.QualityRefused;
import org.ringtree.runtime.quality.QualityRun;
import org.ringtree.runtime.quality.StoredFlag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The "Publisher quality" screen over the services behind /api/quality, with the API's roles per
 * method: staff (admins, operators, compliance) read; admins and operators run the tests, decide
 * flags, pause and resume numbers and set the alert URL, as the signed-in user (audited there).
 */
@Component
class ConsolePublisherQuality implements PublisherQualityPort {

  static final String READERS = "hasAnyRole('ADMIN', 'OPERATOR', 'COMPLIANCE')";
  static final String CHANGERS = "hasAnyRole('ADMIN', 'OPERATOR')";

  private final QualityMonitor monitor;
  private final PublisherPauses pauses;
  private final QualityAlerts alerts;

  ConsolePublisherQuality(QualityMonitor monitor, PublisherPauses pauses, QualityAlerts alerts) {
    this.monitor = monitor;
    this.pauses = pauses;
    this.alerts = alerts;
  }

  @Override
  @PreAuthorize(READERS)
  public Run latestRun() {
    return monitor.latestRun().map(ConsolePublisherQuality::run).orElse(null);
  }

  @Override
  @PreAuthorize(READERS)
  public List<Flag> openFlags() {
    return monitor.openFlags().stream().map(ConsolePublisherQuality::flag).toList();
  }

  @Override
  @PreAuthorize(READERS)
  public List<Pause> pauses() {
    return pauses.activePauses().stream().map(ConsolePublisherQuality::pause).toList();
  }

  @Override
  @PreAuthorize(CHANGERS)
  public Run runNow() {
    return run(inTheApisWords(() -> monitor.run(null, actor())));
  }

  @Override
  @PreAuthorize(CHANGERS)
  public Flag acknowledge(long flagId, String reason) {
    return flag(
        inTheApisWords(
            () -> monitor.decide(flagId, StoredFlag.State.ACKNOWLEDGED, reason, actor())));
  }

  @Override
  @PreAuthorize(CHANGERS)
  public Flag dismiss(long flagId, String reason) {
    return flag(
        inTheApisWords(() -> monitor.decide(flagId, StoredFlag.State.DISMISSED, reason, actor())));
  }

  @Override
  @PreAuthorize(READERS)
  public int numbersInService(String publisherId) {
    return pauses.numbersInService(publisherId).size();
  }

  @Override
  @PreAuthorize(CHANGERS)
  public int pause(String publisherId) {
    return inTheApisWords(() -> pauses.pause(publisherId, actor())).numbers().size();
  }

  @Override
  @PreAuthorize(CHANGERS)
  public int resume(String publisherId) {
    return inTheApisWords(() -> pauses.resume(publisherId, actor()));
  }

  @Override
  @PreAuthorize(READERS)
  public String alertUrl() {
    return alerts.url();
  }

  @Override
  @PreAuthorize(CHANGERS)
  public String saveAlertUrl(String url) {
    return inTheApisWords(() -> alerts.saveUrl(url, actor()));
  }

  static Run run(QualityRun r) {
    return new Run(
        r.id(),
        r.startedAt(),
        r.windowFrom(),
        r.windowTo(),
        r.requestedBy(),
        r.calls(),
        r.flags(),
        r.newFlags(),
        r.scoreBands().stream()
            .map(b -> new Bands(b.publisherId(), b.calls(), b.counts(), b.median()))
            .toList());
  }

  static Flag flag(StoredFlag f) {
    return new Flag(
        f.id(),
        f.publisherId(),
        f.source(),
        f.kind().name(),
        f.state().name(),
        f.evidence(),
        f.hits(),
        f.calls(),
        f.baselineHits(),
        f.baselineCalls(),
        f.baselineRate(),
        f.pValue(),
        f.raisedAt(),
        f.decidedBy(),
        f.reason());
  }

  private static Pause pause(QualityFlagStore.Pause p) {
    return new Pause(p.publisherId(), p.numbers().size(), p.pausedBy(), p.pausedAt());
  }

  private static <T> T inTheApisWords(Supplier<T> change) {
    try {
      return change.get();
    } catch (QualityRefused r) {
      throw new PublisherQualityProblem(String.valueOf(r.getMessage()));
    }
  }

  private static String actor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth.getName() == null) {
      throw new IllegalStateException("publisher quality changes need a signed-in user");
    }
    return auth.getName();
  }
}
