package org.ringtree.editor.postbacks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The operator's postback screen as /api/postbacks serves it: every publisher's settings, the whole
 * delivery log, dead letters' retry, and every buyer's conversion key. Refusals are thrown as
 * {@link PostbackProblem} in the API's words.
 */
public interface PostbacksPort {

  /** A publisher's postback settings: the URL template and which events send it. */
  record Settings(String publisherId, String urlTemplate, boolean onEveryCall, boolean enabled) {}

  /** A publisher or buyer to choose from. */
  record Party(String id, String name) {}

  /** A postback and where it stands. */
  record Delivery(
      UUID id,
      UUID callId,
      String publisherId,
      String event,
      String url,
      State state,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant updatedAt) {}

  /** Where a postback stands. */
  enum State {
    SENDING,
    DELIVERED,
    DEAD
  }

  /** One logged HTTP attempt; {@code response}: the start of the answer's body, if one came. */
  record Attempt(
      int attempt,
      Instant at,
      Integer httpStatus,
      long latencyMs,
      boolean delivered,
      String error,
      String response) {}

  /** A buyer's conversion key: only whether and when it was issued (the key itself is not kept). */
  record BuyerKey(String buyerId, String name, boolean keyIssued, Instant keyIssuedAt) {}

  /** The placeholders a URL template may use, as the platform's template parser knows them. */
  List<String> placeholders();

  List<Party> publishers();

  Optional<Settings> settings(String publisherId);

  /** Saves after the platform's own checks; audited. */
  Settings save(Settings settings);

  /** One page of the log, newest first; {@code publisherId} and {@code state} null for all. */
  List<Delivery> page(String publisherId, State state, int offset, int limit);

  int count(String publisherId, State state);

  Optional<Delivery> delivery(UUID postbackId);

  List<Attempt> attempts(UUID postbackId);

  /** Sends a dead letter again; audited. */
  Delivery retry(UUID postbackId);

  List<BuyerKey> buyers();

  /** Where this buyer sends its conversions (the platform's public address). */
  String conversionUrl(String buyerId);

  /** Issues (or replaces) the buyer's key; returned once, only its hash is kept. */
  String issueKey(String buyerId);
}
