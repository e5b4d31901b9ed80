package org.ringtree.runtime.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.directory.Destination;
import org.ringtree.runtime.audit.AuditLogStore;
import org.ringtree.runtime.database.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Owns {@code campaign_fallbacks}: where a campaign's caller goes when the flow has nowhere to send
 * them or something inside Ringtree fails — a fallback number, voicemail, a message, or a hang-up
 * only if the operator chose it; campaigns without one use the network default ({@code
 * ringtree.fallback.*}). A copy of every campaign's fallback and of which tracking number belongs
 * to which campaign is kept in memory and refreshed every 30 s, so a caller still reaches the
 * fallback when the database is down.
 */
@Repository
@Store(owns = "campaign_fallbacks")
public class CampaignFallbacks {

  private static final Logger log = LoggerFactory.getLogger(CampaignFallbacks.class);

  /** What the caller gets. */
  public enum Kind {
    NUMBER,
    VOICEMAIL,
    MESSAGE,
    HANGUP
  }

  /** A fallback: {@code number} for NUMBER (E.164), {@code message} said first when present. */
  public record Fallback(Kind kind, String number, String message) {
    public Fallback {
      if (kind == null) {
        throw new IllegalArgumentException(
            "a fallback needs a kind: NUMBER, VOICEMAIL, MESSAGE or HANGUP");
      }
      if (kind == Kind.NUMBER) {
        number = new Destination.PhoneNumber(number == null ? "" : number.strip()).e164();
      } else {
        number = null;
      }
      message = message == null || message.isBlank() ? null : message.strip();
      if (message != null && message.length() > 500) {
        throw new IllegalArgumentException("a fallback message has at most 500 characters");
      }
      if (kind == Kind.MESSAGE && message == null) {
        throw new IllegalArgumentException("a MESSAGE fallback needs the message");
      }
    }

    /** The caller's side of it, as instructions. */
    public List<CallInstruction> instructions() {
      List<CallInstruction> out = new ArrayList<>();
      if (message != null) {
        out.add(new CallInstruction.Say(message, null, null));
      }
      switch (kind) {
        case NUMBER ->
            out.add(
                new CallInstruction.Dial(
                    null, new Destination.PhoneNumber(number), 30, null, false));
        case VOICEMAIL -> out.add(new CallInstruction.Record(120, true));
        case MESSAGE, HANGUP -> {}
      }
      out.add(new CallInstruction.Hangup());
      return out;
    }
  }

  private record Snapshot(Map<String, Fallback> byCampaign, Map<String, String> campaignOfNumber) {}

  private final JdbcClient jdbc;
  private final AuditLogStore audit;
  private final DirectoryStore directory;
  private final Fallback networkDefault;
  private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

  CampaignFallbacks(
      JdbcClient jdbc,
      AuditLogStore audit,
      DirectoryStore directory,
      @Value("${ringtree.fallback.kind:MESSAGE}") Kind kind,
      @Value("${ringtree.fallback.number:}") String number,
      @Value(
              "${ringtree.fallback.message:We are sorry, we could not complete your call right"
                  + " now. Please call again shortly.}")
          String message) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.directory = directory;
    this.networkDefault = new Fallback(kind, number, message);
  }

  public Fallback networkDefault() {
    return networkDefault;
  }

  /** The campaign's fallback, from memory (no database), or the network default. */
  public Fallback forCampaign(String campaignId) {
    return campaignId == null
        ? networkDefault
        : snapshot.byCampaign().getOrDefault(campaignId, networkDefault);
  }

  /** The fallback of the campaign a tracking number belongs to, from memory. */
  public Fallback forTrackingNumber(String e164) {
    return forCampaign(e164 == null ? null : snapshot.campaignOfNumber().get(e164));
  }

  /** The campaign's own fallback as stored, if it has one. */
  public Optional<Fallback> stored(String campaignId) {
    return jdbc.sql("SELECT kind, number, message FROM campaign_fallbacks WHERE campaign_id = ?")
        .param(campaignId)
        .query(
            (rs, i) ->
                new Fallback(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
        .optional();
  }

  /** Sets a campaign's fallback; audited; in memory at once. */
  public Fallback save(String campaignId, Fallback fallback, String actor) {
    Optional<Fallback> before = stored(campaignId);
    jdbc.sql(
            "INSERT INTO campaign_fallbacks (campaign_id, kind, number, message, updated_by)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign_id) DO UPDATE SET kind ="
                + " excluded.kind, number = excluded.number, message = excluded.message,"
                + " updated_by = excluded.updated_by, updated_at = now()")
        .params(campaignId, fallback.kind().name(), fallback.number(), fallback.message(), actor)
        .update();
    audit.record(actor, "campaign.fallback", "campaign", campaignId, before.orElse(null), fallback);
    refresh();
    return fallback;
  }

  /** Reloads the in-memory copy; while the database is down the last copy stays. */
  @Scheduled(fixedDelayString = "${ringtree.fallback.refresh-every:30s}", initialDelay = 0)
  public void refresh() {
    try {
      Map<String, Fallback> byCampaign = new HashMap<>();
      jdbc.sql("SELECT campaign_id, kind, number, message FROM campaign_fallbacks")
          .query(
              rs -> {
                byCampaign.put(
                    rs.getString(1),
                    new Fallback(Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
              });
      snapshot = new Snapshot(Map.copyOf(byCampaign), directory.campaignOfEachNumber());
    } catch (RuntimeException e) {
      log.warn("Campaign fallbacks not refreshed (the last copy stays in use): {}", e.toString());
    }
  }
}
