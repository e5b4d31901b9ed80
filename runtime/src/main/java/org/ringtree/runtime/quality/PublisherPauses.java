package org.ringtree.runtime.quality;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.ringtree.runtime.audit.AuditLogStore;
import org.ringtree.runtime.directory.DirectoryStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Pause this publisher's numbers" from the quality screen: every tracking number of the publisher
 * that is in service is taken out of it (calls to it then get the unknown-number answer), each
 * change audited by the directory as the signed-in user; the pause remembers which numbers it took,
 * so "Resume" puts back exactly those and not a number someone disabled for another reason.
 */
@Service
public class PublisherPauses {

  private final QualityFlagStore flags;
  private final DirectoryStore directory;
  private final AuditLogStore audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  PublisherPauses(
      QualityFlagStore flags,
      DirectoryStore directory,
      AuditLogStore audit,
      TransactionTemplate tx,
      Clock clock) {
    this.flags = flags;
    this.directory = directory;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** The numbers a pause would take out of service now: what the confirmation counts. */
  public List<String> numbersInService(String publisherId) {
    return flags.enabledNumbers(publisherId);
  }

  public List<QualityFlagStore.Pause> activePauses() {
    return flags.activePauses();
  }

  /** Pauses the publisher's numbers in service; refused when a pause is already in force. */
  public QualityFlagStore.Pause pause(String publisherId, String actor) {
    if (!directory.publisherExists(publisherId)) {
      throw QualityRefused.notFound("no publisher " + publisherId);
    }
    return tx.execute(
        s -> {
          if (flags.activePause(publisherId).isPresent()) {
            throw QualityRefused.conflict(publisherId + "'s numbers are already paused");
          }
          List<String> paused =
              directory.setNumbersEnabled(publisherId, flags.enabledNumbers(publisherId), false);
          QualityFlagStore.Pause p = flags.insertPause(publisherId, paused, actor, clock.instant());
          audit.record(
              actor,
              "quality.publisher.pause",
              "publisher",
              publisherId,
              null,
              Map.of("numbers", paused));
          return p;
        });
  }

  /** Puts back the numbers the publisher's pause took; the count of numbers back in service. */
  public int resume(String publisherId, String actor) {
    return tx.execute(
        s -> {
          QualityFlagStore.Pause p =
              flags
                  .activePause(publisherId)
                  .orElseThrow(
                      () -> QualityRefused.conflict(publisherId + "'s numbers are not paused"));
          List<String> back = directory.setNumbersEnabled(publisherId, p.numbers(), true);
          flags.endPause(p.id(), actor, clock.instant());
          audit.record(
              actor,
              "quality.publisher.resume",
              "publisher",
              publisherId,
              Map.of("numbers", p.numbers()),
              Map.of("resumed", back));
          return back.size();
        });
  }
}
