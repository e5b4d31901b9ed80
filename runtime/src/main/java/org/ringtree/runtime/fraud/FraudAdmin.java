package org.ringtree.runtime.fraud;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.rules.fraud.BlockEntry;
import org.ringtree.rules.fraud.BlocklistCsv;
import org.ringtree.runtime.audit.AuditLogStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to the blocklist and the fraud policies, each audited in its own transaction, and what
 * the API and the console read of them. A change that would stop most calls (a blocklist prefix of
 * a whole country code, a policy that stops every unverified call) is saved only when confirmed,
 * and its audit record says it was.
 */
@Service
public class FraudAdmin {

  /** The page size of the blocklist's listing at most. */
  public static final int MAX_PAGE = 500;

  private final FraudStore store;
  private final FraudSettings settings;
  private final AuditLogStore audit;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;

  FraudAdmin(
      FraudStore store,
      FraudSettings settings,
      AuditLogStore audit,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      ObjectMapper json) {
    this.store = store;
    this.settings = settings;
    this.audit = audit;
    this.tx = tx;
    this.events = events;
    this.json = json;
  }

  /** A blocklist entry as listed. */
  public record Entry(
      long id,
      String kind,
      String value,
      String shown,
      String listName,
      String note,
      String addedBy,
      java.time.Instant addedAt) {}

  /** What an import did. */
  public record Imported(String listName, int entries, List<String> confirmed) {}

  /** A policy as stored: scope ('*' the network, else a campaign id), settings, version. */
  public record Policy(
      String scope,
      PolicySettings settings,
      int version,
      String updatedBy,
      java.time.Instant updatedAt) {}

  /** One finding of a call at the door. */
  public record Finding(
      java.time.Instant at,
      java.util.UUID callId,
      String callSid,
      String caller,
      String campaignId,
      String publisherId,
      String check,
      String outcome,
      String reason) {}

  /**
   * Imports a blocklist file (docs/fraud.md, "Blocklist files"): all or nothing, a bad line refuses
   * the whole file with every bad line named.
   */
  public Imported importCsv(String text, String listName, boolean confirm, String actor) {
    String list = listName == null || listName.isBlank() ? "manual" : listName.strip();
    if (list.length() > 100) {
      throw new IllegalArgumentException("a list name is at most 100 characters");
    }
    BlocklistCsv.Result read = BlocklistCsv.read(text == null ? "" : text);
    if (!read.ok()) {
      throw FraudRefused.malformed(
          read.problems().stream().map(p -> new FraudRefused.Line(p.line(), p.problem())).toList());
    }
    if (read.entries().isEmpty()) {
      throw new IllegalArgumentException("the blocklist holds no entries");
    }
    List<String> wide =
        read.entries().stream()
            .filter(BlockEntry::catchesACountry)
            .map(e -> e.shown() + " catches every caller of country code " + e.value())
            .toList();
    if (!wide.isEmpty() && !confirm) {
      throw FraudRefused.unconfirmed(wide);
    }
    int n =
        tx.execute(
            s -> {
              int added = store.addAll(read.entries(), list, actor);
              Map<String, Object> after = new LinkedHashMap<>();
              after.put("list", list);
              after.put("entries", read.entries().size());
              if (!wide.isEmpty()) {
                after.put("confirmed", wide);
              }
              audit.record(actor, "fraud-blocklist.import", "fraud-blocklist", list, null, after);
              events.publishEvent(new FraudSettings.Changed("blocklist"));
              return added;
            });
    return new Imported(list, n, wide);
  }

  public List<Entry> entries(String listName, int offset, int limit) {
    return store
        .entries(blankToNull(listName), Math.max(0, offset), Math.min(MAX_PAGE, Math.max(1, limit)))
        .stream()
        .map(FraudAdmin::entry)
        .toList();
  }

  public long count(String listName) {
    return store.count(blankToNull(listName));
  }

  public Entry delete(long id, String actor) {
    return tx.execute(
        s -> {
          FraudStore.StoredEntry gone =
              store.delete(id).orElseThrow(() -> FraudRefused.notFound("no blocklist entry " + id));
          Entry e = entry(gone);
          audit.record(actor, "fraud-blocklist.delete", "fraud-blocklist", e.listName(), e, null);
          events.publishEvent(new FraudSettings.Changed("blocklist"));
          return e;
        });
  }

  public int deleteList(String listName, String actor) {
    return tx.execute(
        s -> {
          int n = store.deleteList(listName);
          audit.record(
              actor,
              "fraud-blocklist.delete-list",
              "fraud-blocklist",
              listName,
              Map.of("list", listName, "entries", n),
              null);
          events.publishEvent(new FraudSettings.Changed("blocklist"));
          return n;
        });
  }

  public List<Policy> policies() {
    return store.policies().stream().map(this::policy).toList();
  }

  public Optional<Policy> policy(String scope) {
    return store.policy(scope).map(this::policy);
  }

  /**
   * Saves the network's ({@code '*'}) or a campaign's policy; refused when it is not a policy, when
   * the campaign is unknown, or when it would stop most calls and is not confirmed.
   */
  public Policy save(String scope, PolicySettings settingsIn, boolean confirm, String actor) {
    if (settingsIn == null) {
      throw new IllegalArgumentException("need the policy's settings");
    }
    PolicySettings normal = PolicySettings.of(settingsIn.policy()); // refuses a bad one
    if (!FraudSettings.NETWORK.equals(scope) && !store.campaignExists(scope)) {
      throw FraudRefused.notFound("no campaign " + scope);
    }
    List<String> wide = normal.wouldStopMostCalls();
    if (!wide.isEmpty() && !confirm) {
      throw FraudRefused.unconfirmed(wide);
    }
    return tx.execute(
        s -> {
          Optional<Policy> before = store.policy(scope).map(this::policy);
          Policy after = policy(store.savePolicy(scope, write(normal), actor));
          Map<String, Object> audited = new LinkedHashMap<>();
          audited.put("policy", after);
          if (!wide.isEmpty()) {
            audited.put("confirmed", wide);
          }
          audit.record(
              actor,
              wide.isEmpty() ? "fraud-policy.save" : "fraud-policy.save-confirmed",
              "fraud-policy",
              scope,
              before.orElse(null),
              audited);
          events.publishEvent(new FraudSettings.Changed("policy:" + scope));
          return after;
        });
  }

  /** Removes a campaign's override (the network's policy applies) or the network's (all off). */
  public boolean deletePolicy(String scope, String actor) {
    return Boolean.TRUE.equals(
        tx.execute(
            s -> {
              Optional<Policy> before = store.policy(scope).map(this::policy);
              if (before.isEmpty()) {
                return false;
              }
              store.deletePolicy(scope);
              audit.record(actor, "fraud-policy.delete", "fraud-policy", scope, before.get(), null);
              events.publishEvent(new FraudSettings.Changed("policy:" + scope));
              return true;
            }));
  }

  public List<Finding> recentFindings(int limit) {
    return store.recentFindings(Math.min(MAX_PAGE, Math.max(1, limit))).stream()
        .map(
            f ->
                new Finding(
                    f.at(),
                    f.callId(),
                    f.callSid(),
                    f.caller(),
                    f.campaignId(),
                    f.publisherId(),
                    f.check(),
                    f.outcome(),
                    f.reason()))
        .toList();
  }

  private Policy policy(FraudStore.StoredPolicy p) {
    return new Policy(
        p.scope(), PolicySettings.of(settings.read(p)), p.version(), p.updatedBy(), p.updatedAt());
  }

  private static Entry entry(FraudStore.StoredEntry e) {
    return new Entry(
        e.id(),
        e.entry().kind().name(),
        e.entry().value(),
        e.entry().shown(),
        e.listName(),
        e.entry().note(),
        e.addedBy(),
        e.addedAt());
  }

  private String write(PolicySettings s) {
    try {
      return json.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException("could not write a fraud policy", e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
