package org.ringtree.integrations.postback;

/**
 * Told about every postback attempt and every dead letter, from Camel threads. The runtime stores
 * them in PostgreSQL; implementations must be thread-safe and should not block for long.
 */
public interface PostbackListener {

  void attempted(PostbackAttempt attempt);

  void deadLettered(PostbackDeadLetter deadLetter);
}
