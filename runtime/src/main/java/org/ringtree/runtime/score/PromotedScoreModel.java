package org.ringtree.runtime.score;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ringtree.rules.score.ScoreModel;
import org.ringtree.rules.score.UnreadableModelException;
import org.ringtree.runtime.database.PgNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The promoted model held in memory, so scoring a call reads no table. A promotion on this node
 * reloads it once committed, in the promoting request's thread (the next call here is scored by
 * it); a promotion on another node arrives by NOTIFY on {@link ModelVersionStore#CHANNEL} and is
 * loaded on a thread of its own. A promoted model whose bytes no longer read (say after an upgrade
 * that changed the encoder) is not used: calls are scored by the prior and the error is logged.
 */
@Component
class PromotedScoreModel implements PromotedModel, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PromotedScoreModel.class);

  private record Loaded(Optional<ScoreModel> model) {}

  private final ModelVersionStore store;
  private final ExecutorService reloader =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "score-model-reload");
            t.setDaemon(true);
            return t;
          });
  private volatile Loaded loaded;

  PromotedScoreModel(ModelVersionStore store, PgNotifications notifications) {
    this.store = store;
    notifications.subscribe(
        ModelVersionStore.CHANNEL, payload -> reloader.execute(this::reloadQuietly));
  }

  @Override
  public Optional<ScoreModel> current() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        if (loaded == null) {
          reload();
        }
        l = loaded;
      }
    }
    return l.model();
  }

  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    reloader.execute(this::reloadQuietly);
  }

  /**
   * Reads the promoted model again. Reloads run one at a time, so the last to start (after the
   * latest commit) is the last to set; webhooks read the volatile field and never wait for this.
   */
  synchronized void reload() {
    Optional<ScoreModel> model =
        store
            .promoted()
            .flatMap(
                v ->
                    store
                        .bytes(v.id())
                        .flatMap(
                            bytes -> {
                              try {
                                return Optional.of(ScoreModel.fromBytes(bytes).named(v.name()));
                              } catch (UnreadableModelException e) {
                                log.error(
                                    "The promoted score model {} cannot be used; calls are scored"
                                        + " by the prior: {}",
                                    v.name(),
                                    e.getMessage());
                                return Optional.empty();
                              }
                            }));
    loaded = new Loaded(model);
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      log.error("Could not reload the promoted score model; the previous one stays in force", e);
    }
  }

  @Override
  public void destroy() {
    reloader.shutdownNow();
  }
}
