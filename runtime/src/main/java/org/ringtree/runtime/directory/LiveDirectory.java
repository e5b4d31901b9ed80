package org.ringtree.runtime.directory;

import java.util.concurrent.atomic.AtomicLong;
import org.ringtree.rules.directory.LiveSettings;
import org.ringtree.runtime.database.PgNotifications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The targets' and buyers' live settings (pause, caps) kept in memory, so a webhook reads them
 * without a query. A change on any node invalidates the copy (NOTIFY on {@link
 * LiveSettingsFeed#LIVE_CHANNEL}); a change on this node also does so directly at commit, so the
 * next call here never sees the old value. The first call after a change reads it again.
 */
@Component
public class LiveDirectory {

  private final LiveSettingsFeed feed;
  private final AtomicLong generation = new AtomicLong();
  private volatile Cached cached;

  private record Cached(long generation, LiveSettings settings) {}

  LiveDirectory(LiveSettingsFeed feed, PgNotifications notifications) {
    this.feed = feed;
    notifications.subscribe(LiveSettingsFeed.LIVE_CHANNEL, payload -> invalidate());
  }

  /** The live settings as of the last change any node committed. */
  public LiveSettings current() {
    long g = generation.get();
    Cached c = cached;
    if (c != null && c.generation() == g) {
      return c.settings();
    }
    LiveSettings fresh = feed.read();
    // a change that lands while reading bumps the generation, so the next call reads again
    cached = new Cached(g, fresh);
    return fresh;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void changedHere(LiveSettingsFeed.LiveSettingsChanged change) {
    invalidate();
  }

  void invalidate() {
    generation.incrementAndGet();
  }
}
