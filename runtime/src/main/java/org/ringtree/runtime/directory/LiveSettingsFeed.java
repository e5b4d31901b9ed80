package org.ringtree.runtime.directory;

import java.util.HashMap;
import java.util.Map;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.LiveSettings;
import org.ringtree.runtime.database.Store;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where the targets' and buyers' live settings (pause, caps) are read, and how every node learns
 * that one changed: the owning {@link DirectoryStore} announces each change inside its transaction.
 */
@Repository
@Store(reads = {"targets", "buyers"})
public class LiveSettingsFeed {

  /** The PostgreSQL channel told, at commit, that a target's or buyer's live settings changed. */
  public static final String LIVE_CHANNEL = "ringtree_directory_live";

  /** A target's or a buyer's row changed; its live settings may have (sent after commit). */
  public record LiveSettingsChanged(String kind, String id) {}

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  LiveSettingsFeed(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Every target's and buyer's live settings as stored now: pause and caps. */
  public LiveSettings read() {
    return new LiveSettings(liveOf("targets"), liveOf("buyers"));
  }

  private Map<String, LiveSettings.Setting> liveOf(String table) {
    Map<String, LiveSettings.Setting> out = new HashMap<>();
    jdbc.sql("SELECT id, enabled, coalesce(settings->'caps', 'null')::text FROM " + table)
        .query(
            rs -> {
              Caps caps = DirectoryJson.read(rs.getString(3), Caps.class, table);
              out.put(rs.getString(1), new LiveSettings.Setting(rs.getBoolean(2), caps));
            });
    return out;
  }

  /** Tells every node (NOTIFY at commit) and this one (an event after commit). */
  void changed(String kind, String id) {
    jdbc.sql("SELECT pg_notify(?, ?)").params(LIVE_CHANNEL, kind + ":" + id).query().listOfRows();
    events.publishEvent(new LiveSettingsChanged(kind, id));
  }
}
