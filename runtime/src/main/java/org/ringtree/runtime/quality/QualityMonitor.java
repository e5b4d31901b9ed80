package org.ringtree.runtime.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ringtree.rules.quality.PublisherQuality;
import org.ringtree.rules.quality.QualityCall;
import org.ringtree.rules.quality.QualityFlag;
import org.ringtree.rules.quality.QualitySettings;
import org.ringtree.runtime.audit.AuditLogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the publisher quality tests (docs/fraud.md, "Publisher quality monitoring"): reads the
 * window's ended calls in one query, judges them with {@link PublisherQuality}, and stores the run,
 * its flags with their evidence and each publisher's score bands. On demand, and on the {@code
 * ringtree.quality.cron} schedule (hourly by default) over the last {@code
 * ringtree.quality.window-days} days. One node runs at a time: the run holds a PostgreSQL advisory
 * lock for its transaction; a second request meanwhile is refused (on a schedule, skipped). Each
 * new flag is announced as {@link PublisherQualityFlagged} after the run committed.
 */
@Service
public class QualityMonitor {

  private static final Logger log = LoggerFactory.getLogger(QualityMonitor.class);

  private final QualityCallsReader reader;
  private final QualityFlagStore flags;
  private final AuditLogStore audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration window;
  private final String sourceTag;
  private final QualitySettings settings;

  QualityMonitor(
      QualityCallsReader reader,
      QualityFlagStore flags,
      AuditLogStore audit,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock,
      @Value("${ringtree.quality.window-days:7}") int windowDays,
      @Value("${ringtree.quality.source-tag:}") String sourceTag) {
    this.reader = reader;
    this.flags = flags;
    this.audit = audit;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
    this.window = Duration.ofDays(Math.max(1, windowDays));
    this.sourceTag = sourceTag == null ? "" : sourceTag.strip();
    this.settings = QualitySettings.DEFAULT;
  }

  /** The window a run judges: [from, to); either may be null for the last window-days to now. */
  public record Request(Instant from, Instant to) {}

  /** Runs the tests now, as {@code actor}; refused while another node is running them. */
  public QualityRun run(Request request, String actor) {
    Instant to = request == null || request.to() == null ? clock.instant() : request.to();
    Instant from = request == null || request.from() == null ? to.minus(window) : request.from();
    if (!from.isBefore(to)) {
      throw QualityRefused.badRequest("the window's from is before its to");
    }
    Result r =
        tx.execute(
            s -> {
              if (!flags.tryRunLock()) {
                throw QualityRefused.conflict(
                    "the quality tests are running (on this or another node); try again when they"
                        + " are done");
              }
              return runLocked(from, to, QualityRun.Trigger.DEMAND, actor);
            });
    announce(r);
    return r.run();
  }

  /** The hourly (or as configured) run; "-" turns it off. */
  @Scheduled(cron = "${ringtree.quality.cron:0 0 * * * *}")
  void scheduled() {
    Instant to = clock.instant();
    Result r =
        tx.execute(
            s -> {
              if (!flags.tryRunLock()) {
                log.info("Quality run skipped: another node is running the tests");
                return null;
              }
              return runLocked(
                  to.minus(window), to, QualityRun.Trigger.SCHEDULE, AuditLogStore.SYSTEM);
            });
    if (r != null) {
      log.info(
          "Quality run {}: {} calls, {} flags, {} new",
          r.run().id(),
          r.run().calls(),
          r.run().flags(),
          r.run().newFlags());
      announce(r);
    }
  }

  private record Result(QualityRun run, List<StoredFlag> added) {}

  private Result runLocked(Instant from, Instant to, QualityRun.Trigger trigger, String actor) {
    Instant at = clock.instant();
    List<QualityCall> calls = reader.calls(from, to, sourceTag);
    List<QualityFlag> raised = PublisherQuality.assess(calls, settings);
    List<ScoreBands> bands = reader.scoreBands(from, to);
    long id = flags.insertRun(at, from, to, trigger, actor, calls.size(), settings, bands);
    List<StoredFlag> added = flags.apply(id, at, raised);
    return new Result(flags.run(id).orElseThrow(), added);
  }

  private void announce(Result r) {
    for (StoredFlag f : r.added()) {
      events.publishEvent(new PublisherQualityFlagged(r.run().id(), f));
    }
  }

  public java.util.Optional<QualityRun> latestRun() {
    return flags.latestRun();
  }

  /** The flags open or acknowledged, strongest evidence first. */
  public List<StoredFlag> openFlags() {
    return flags.openFlags();
  }

  /**
   * A person's decision on an open or acknowledged flag, with a reason, audited. Dismissing needs a
   * reason; a dismissed flag stays hidden while the runs keep raising it.
   */
  public StoredFlag decide(long id, StoredFlag.State to, String reason, String actor) {
    if (to != StoredFlag.State.ACKNOWLEDGED && to != StoredFlag.State.DISMISSED) {
      throw QualityRefused.badRequest("a flag is acknowledged or dismissed");
    }
    String why = reason == null ? "" : reason.strip();
    if (to == StoredFlag.State.DISMISSED && why.isEmpty()) {
      throw QualityRefused.badRequest("say why the flag is dismissed");
    }
    StoredFlag before =
        flags.flag(id).orElseThrow(() -> QualityRefused.notFound("no quality flag " + id));
    StoredFlag after =
        tx.execute(
            s ->
                flags
                    .decide(id, to, actor, why, clock.instant())
                    .orElseThrow(
                        () ->
                            QualityRefused.conflict(
                                "flag " + id + " is " + before.state() + ", not open")));
    audit.record(
        actor,
        "quality.flag." + (to == StoredFlag.State.DISMISSED ? "dismiss" : "acknowledge"),
        "quality-flag",
        Long.toString(id),
        Map.of("state", before.state().name()),
        Map.of("state", after.state().name(), "reason", why));
    return after;
  }
}
