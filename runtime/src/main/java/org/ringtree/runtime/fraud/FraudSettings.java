package org.ringtree.runtime.fraud;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.ringtree.rules.fraud.Blocklist;
import org.ringtree.rules.fraud.FraudPolicy;
import org.ringtree.runtime.database.PgNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The blocklist and the fraud policies held in memory, so the incoming webhook screens a call
 * without a query. A change on this node reloads them at commit, in the changing request's thread
 * (the next call here sees the change); a change on another node arrives by NOTIFY on {@link
 * FraudStore#CHANNEL} and is reloaded on a thread of its own, so neither the listener nor a webhook
 * ever waits for a large list to load. They are loaded once the platform is ready; a webhook before
 * that loads them itself.
 */
@Component
class FraudSettings implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(FraudSettings.class);

  /** A consistent view: the network's policy, campaigns' overrides and the blocklist. */
  record Snapshot(FraudPolicy network, Map<String, FraudPolicy> campaigns, Blocklist blocklist) {

    /** The network's policy with the campaign's override laid over it. */
    FraudPolicy policyFor(String campaignId) {
      FraudPolicy campaign = campaignId == null ? null : campaigns.get(campaignId);
      return campaign == null ? network : network.overriddenBy(campaign);
    }

    /** The longest rotating-dialer window any policy sets (zero when none): what to read back. */
    java.time.Duration rotationLookBack() {
      java.time.Duration longest = java.time.Duration.ZERO;
      for (FraudPolicy p : campaigns.values()) {
        longest = longer(longest, p);
      }
      return longer(longest, network);
    }

    private static java.time.Duration longer(java.time.Duration d, FraudPolicy p) {
      return p.rotation()
          .map(org.ringtree.rules.fraud.RotationLimit::window)
          .filter(w -> w.compareTo(d) > 0)
          .orElse(d);
    }
  }

  /** Published by a change, inside its transaction: reloaded here after commit. */
  record Changed(String what) {}

  static final String NETWORK = "*";

  private final FraudStore store;
  private final ObjectMapper json;
  private final AtomicLong generation = new AtomicLong();
  private final ExecutorService reloader =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fraud-settings-reload");
            t.setDaemon(true);
            return t;
          });
  private volatile Snapshot snapshot;

  FraudSettings(FraudStore store, ObjectMapper json, PgNotifications notifications) {
    this.store = store;
    this.json = json;
    notifications.subscribe(FraudStore.CHANNEL, payload -> reloader.execute(this::reloadQuietly));
  }

  Snapshot current() {
    Snapshot s = snapshot;
    if (s == null) {
      synchronized (this) {
        if (snapshot == null) {
          reload();
        }
        s = snapshot;
      }
    }
    return s;
  }

  /** Loads them once the platform is up, so no caller's webhook pays the first load. */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    reloader.execute(this::reloadQuietly);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void changedHere(Changed change) {
    reload();
  }

  /** Reads everything again; a newer reload finished first wins, an older one is dropped. */
  void reload() {
    long g = generation.incrementAndGet();
    FraudPolicy network = FraudPolicy.OFF;
    Map<String, FraudPolicy> campaigns = new HashMap<>();
    for (FraudStore.StoredPolicy p : store.policies()) {
      FraudPolicy policy = read(p);
      if (NETWORK.equals(p.scope())) {
        network = policy;
      } else {
        campaigns.put(p.scope(), policy);
      }
    }
    Snapshot fresh =
        new Snapshot(network, Map.copyOf(campaigns), new Blocklist(store.allEntries()));
    synchronized (this) {
      if (g == generation.get() || snapshot == null) {
        snapshot = fresh;
      }
    }
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      log.error("Could not reload the fraud settings; the previous ones stay in force", e);
    }
  }

  FraudPolicy read(FraudStore.StoredPolicy p) {
    try {
      return json.readValue(p.settings(), PolicySettings.class).policy();
    } catch (Exception e) {
      throw new IllegalStateException("unreadable fraud policy " + p.scope(), e);
    }
  }

  @Override
  public void destroy() {
    reloader.shutdownNow();
  }
}
