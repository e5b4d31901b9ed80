package org.ringtree.runtime.postback;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Dead-letters postbacks whose sender is gone. Retries wait in memory, so when a node stops while a
 * postback waits for its next attempt, nobody would ever finish it. Every attempt touches the row,
 * and no two attempts are further apart than the longest backoff plus one timeout, so a postback
 * untouched for longer than that (plus a minute) is orphaned: it becomes a dead letter an operator
 * can retry. Any node may sweep (scheduling is on in RoutingConfiguration); the update is
 * idempotent.
 */
@Component
public class PostbackSweeper {

  private static final Logger log = LoggerFactory.getLogger(PostbackSweeper.class);

  private final PostbackStore postbacks;
  private final Duration orphanedAfter;

  PostbackSweeper(PostbackStore postbacks, PostbackProperties properties) {
    this.postbacks = postbacks;
    this.orphanedAfter =
        properties
            .maxDelay()
            .plus(properties.timeout().multipliedBy(2))
            .plus(Duration.ofMinutes(1));
  }

  @Scheduled(fixedDelayString = "${ringtree.postbacks.sweep-every:60s}", initialDelay = 30_000)
  public int sweep() {
    int swept = postbacks.deadLetterOrphans(orphanedAfter);
    if (swept > 0) {
      log.warn("{} postbacks were orphaned by a stopped node; they are dead letters now", swept);
    }
    return swept;
  }
}
