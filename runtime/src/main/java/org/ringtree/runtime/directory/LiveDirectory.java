package org.ringtree.runtime.directory;

import java.util.concurrent.atomic.AtomicLong;
import org.ringtree.rules.directory.LiveSettings;
import org.ringtree.runtime.database.PgNotifications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The targets' and buyers' live settings (pause, caps) kept in memory, so a webhook reads them
 * without a query. A change on any node invalidates the copy (NOTIFY on {@link
 * DirectoryStore#LIVE_CHANNEL}); a change on this node also does so directly at commit, so the next
 * call here never sees the old value. The first call after a change reads it again.
 */
@Component
public class LiveDirectory {

  private final DirectoryStore store;
  private final AtomicLong generation = new AtomicLong();
  private volatile Cached cached;

  private record Cached(long generation, LiveSettings settings) {}

  LiveDirectory(DirectoryStore store, PgNotifications notifications) {
    this.store = store;
    notifications.subscribe(DirectoryStore.LIVE_CHANNEL, payload -> invalidate());
  }

  /** The live settings as of the last change any node committed. */
  public LiveSettings current() {
    long g = generation.get();
    Cached c = cached;
    if (c != null && c.generation() == g) {
      return c.settings();
    }
    LiveSettings fresh = store.liveSettings();
    // a change that lands while reading bumps the generation, so the next call reads again
    cached = new Cached(g, fresh);
    return fresh;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void changedHere(DirectoryStore.LiveSettingsChanged change) {
    invalidate();
  }

  void invalidate() {
    generation.incrementAndGet();
  }
}
