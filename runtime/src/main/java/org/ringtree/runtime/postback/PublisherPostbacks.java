package org.ringtree.runtime.postback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.integrations.postback.Postback;
import org.ringtree.integrations.postback.PostbackSender;
import org.ringtree.integrations.postback.PostbackTemplate;
import org.ringtree.integrations.postback.PostbackValues;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.billing.Audit;
import org.ringtree.runtime.billing.CallConverted;
import org.ringtree.runtime.billing.CallSettled;
import org.ringtree.runtime.billing.MoneyProblem;
import org.ringtree.runtime.database.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publisher postbacks out. A publisher's URL template is requested once per call and event: on
 * conversion, and on every settled call if the publisher asked for it. The postback row is written
 * first (unique per call and event, so a replay sends nothing twice), then the integrations sender
 * delivers it with retries; {@link PostbackStore} records each attempt. Dead letters stay listed
 * until an operator retries them.
 */
@Service
@Store(
    owns = "publisher_postback_settings",
    reads = {"postbacks", "postback_attempts", "calls", "ledger_entries", "publishers"})
public class PublisherPostbacks {

  private static final Logger log = LoggerFactory.getLogger(PublisherPostbacks.class);
  private static final ObjectMapper JSON = RingtreeJson.mapper();

  private final JdbcClient jdbc;
  private final PostbackSender sender;
  private final Audit audit;
  private final TransactionTemplate ownTransaction;
  private final PostbackStore postbacks;

  PublisherPostbacks(
      JdbcClient jdbc,
      PostbackSender sender,
      Audit audit,
      PlatformTransactionManager tx,
      PostbackStore postbacks) {
    this.jdbc = jdbc;
    this.postbacks = postbacks;
    this.sender = sender;
    this.audit = audit;
    // after-commit listeners still hold the finished transaction's connection: the postback row
    // must commit on its own before the sender's attempt log refers to it
    this.ownTransaction = new TransactionTemplate(tx);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A publisher's postback settings. */
  public record Settings(
      String publisherId, String urlTemplate, boolean onEveryCall, boolean enabled) {}

  /** A postback and where it stands. */
  public record Row(
      UUID id,
      UUID callId,
      String publisherId,
      String event,
      String url,
      String state,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant updatedAt) {}

  /**
   * One logged attempt; {@code response} is the start of what the publisher's server answered (null
   * when nothing came back).
   */
  public record Attempt(
      int attempt,
      String url,
      Instant at,
      Integer httpStatus,
      long latencyMs,
      boolean delivered,
      String error,
      String response) {}

  /** A publisher as the settings screen lists it. */
  public record PublisherName(String id, String name) {}

  public Settings save(Settings s, String actor) {
    PostbackTemplate.parse(s.urlTemplate());
    if (jdbc.sql("SELECT count(*) FROM publishers WHERE id = ?")
            .param(s.publisherId())
            .query(Long.class)
            .single()
        == 0) {
      throw new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no such publisher");
    }
    Optional<Settings> before = settings(s.publisherId());
    jdbc.sql(
            "INSERT INTO publisher_postback_settings (publisher_id, url_template, on_every_call,"
                + " enabled, updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (publisher_id) DO"
                + " UPDATE SET url_template = excluded.url_template, on_every_call ="
                + " excluded.on_every_call, enabled = excluded.enabled, updated_by ="
                + " excluded.updated_by, updated_at = now()")
        .params(s.publisherId(), s.urlTemplate().strip(), s.onEveryCall(), s.enabled(), actor)
        .update();
    Settings after = settings(s.publisherId()).orElseThrow();
    audit.record(
        actor, "postback-settings.save", "publisher", s.publisherId(), before.orElse(null), after);
    return after;
  }

  public Optional<Settings> settings(String publisherId) {
    return jdbc.sql(
            "SELECT publisher_id, url_template, on_every_call, enabled"
                + " FROM publisher_postback_settings WHERE publisher_id = ?")
        .param(publisherId)
        .query(
            (rs, i) ->
                new Settings(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
        .optional();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void settled(CallSettled e) {
    if (e.publisherId() == null) {
      return;
    }
    settings(e.publisherId())
        .filter(s -> s.enabled() && s.onEveryCall())
        .ifPresent(s -> send(e.callId(), "call", s));
  }

  @TransactionalEventListener(fallbackExecution = true)
  void converted(CallConverted e) {
    if (e.publisherId() == null) {
      return;
    }
    settings(e.publisherId())
        .filter(Settings::enabled)
        .ifPresent(s -> send(e.callId(), "conversion", s));
  }

  /** Sends the postback of a call and event unless it was already sent; never throws. */
  void send(UUID callId, String event, Settings s) {
    try {
      String url = PostbackTemplate.parse(s.urlTemplate()).expand(values(callId, event));
      UUID id = UUID.randomUUID();
      Integer inserted =
          ownTransaction.execute(
              status -> postbacks.insertSending(id, callId, s.publisherId(), event, url));
      if (inserted != null && inserted == 1) {
        sender.send(new Postback(id.toString(), url));
      }
    } catch (RuntimeException ex) {
      log.error("postback {} for call {} not sent", event, callId, ex);
    }
  }

  private PostbackValues values(UUID callId, String event) {
    return jdbc.sql(
            "SELECT c.publisher_id, c.campaign_id, c.caller_number, c.caller_state, c.caller_zip,"
                + " c.currency, c.talk_seconds, c.state->'facts'->'tags',"
                + " (SELECT coalesce(sum(amount), 0) FROM ledger_entries l"
                + "   WHERE l.call_id = c.id AND l.party_type = 'PUBLISHER')"
                + " FROM calls c WHERE c.id = ?")
        .param(callId)
        .query(
            (rs, i) -> {
              Map<String, String> tags = tags(rs.getString(8));
              BigDecimal payout = rs.getBigDecimal(9);
              return new PostbackValues(
                  event,
                  callId.toString(),
                  rs.getString(1),
                  rs.getString(2),
                  tags.get("sub_id"),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  new Money(payout, rs.getString(6).trim()),
                  Duration.ofSeconds(rs.getInt(7)),
                  tags);
            })
        .single();
  }

  private static Map<String, String> tags(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  public List<Row> list(String state) {
    return jdbc.sql(
            "SELECT * FROM postbacks WHERE (?::text IS NULL OR state = ?)"
                + " ORDER BY updated_at DESC LIMIT 500")
        .params(state, state)
        .query((rs, i) -> row(rs))
        .list();
  }

  public Optional<Row> get(UUID id) {
    return jdbc.sql("SELECT * FROM postbacks WHERE id = ?")
        .param(id)
        .query((rs, i) -> row(rs))
        .optional();
  }

  public List<Attempt> attempts(UUID id) {
    return jdbc.sql(
            "SELECT attempt, url, at, http_status, latency_ms, delivered, error, response"
                + " FROM postback_attempts WHERE postback_id = ? ORDER BY id")
        .param(id)
        .query(
            (rs, i) ->
                new Attempt(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    (Integer) rs.getObject(4),
                    rs.getLong(5),
                    rs.getBoolean(6),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  /**
   * One page of the delivery log, newest first: every postback, or one publisher's ({@code
   * publisherId}), in one state ({@code state}); either may be null for all.
   */
  public List<Row> page(String publisherId, String state, int offset, int limit) {
    return jdbc.sql(
            "SELECT * FROM postbacks WHERE (?::text IS NULL OR publisher_id = ?)"
                + " AND (?::text IS NULL OR state = ?)"
                + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
        .params(publisherId, publisherId, state, state, limit, offset)
        .query((rs, i) -> row(rs))
        .list();
  }

  /** How many postbacks {@link #page} pages through. */
  public int count(String publisherId, String state) {
    return jdbc.sql(
            "SELECT count(*) FROM postbacks WHERE (?::text IS NULL OR publisher_id = ?)"
                + " AND (?::text IS NULL OR state = ?)")
        .params(publisherId, publisherId, state, state)
        .query(Integer.class)
        .single();
  }

  /** Every publisher, by name, for choosing whose settings to edit. */
  public List<PublisherName> publishers() {
    return jdbc.sql("SELECT id, name FROM publishers ORDER BY name, id")
        .query((rs, i) -> new PublisherName(rs.getString(1), rs.getString(2)))
        .list();
  }

  /** Sends a dead letter again (same URL; attempts are counted on). Audited. */
  public Row retry(UUID id, String actor) {
    Row before =
        get(id)
            .orElseThrow(() -> new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no such postback"));
    int moved = postbacks.resend(id);
    if (moved == 0) {
      throw new MoneyProblem(
          MoneyProblem.Kind.CONFLICT,
          "only dead letters can be retried; this one is " + before.state());
    }
    Row after = get(id).orElseThrow();
    audit.record(actor, "postback.retry", "postback", id.toString(), before, after);
    sender.send(new Postback(id.toString(), before.url()));
    return after;
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getObject("call_id", UUID.class),
        rs.getString("publisher_id"),
        rs.getString("event"),
        rs.getString("url"),
        rs.getString("state"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
