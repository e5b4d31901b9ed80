package org.ringtree.runtime.telephony;

import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Owns {@code signed_webhook_uses}: each Telnyx signature with the request it first came with. A
 * signature is good for one request, however often that same request is delivered again (a retry
 * gets the same answer, as every webhook does); on any other path or query it is refused. In the
 * database, so a request replayed to another node of the platform is caught as well.
 */
@Repository
@Store(owns = "signed_webhook_uses")
class SignedWebhookUseStore implements WebhookSignatureFilter.ReplayGuard {

  private final JdbcClient jdbc;

  SignedWebhookUseStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean admits(String signature, String request) {
    int first =
        jdbc.sql(
                "INSERT INTO signed_webhook_uses (signature, request) VALUES (?, ?)"
                    + " ON CONFLICT (signature) DO NOTHING")
            .params(signature, request)
            .update();
    if (first == 1) {
      return true;
    }
    return jdbc.sql("SELECT request FROM signed_webhook_uses WHERE signature = ?")
        .param(signature)
        .query(String.class)
        .optional()
        .map(request::equals)
        .orElse(true); // swept between the two statements: older than any signature accepted
  }

  /** Signatures past every window they could be accepted in. */
  @Scheduled(fixedDelayString = "${ringtree.telnyx.replay-sweep-every:5m}", initialDelay = 60_000)
  void sweep() {
    jdbc.sql("DELETE FROM signed_webhook_uses WHERE first_used < now() - interval '15 minutes'")
        .update();
  }
}
