package org.ringtree.integrations.postback;

import java.time.Instant;

/** A postback that failed every attempt; operators see it and may send it again. */
public record PostbackDeadLetter(
    String postbackId, String url, int attempts, String lastError, Instant at) {}
