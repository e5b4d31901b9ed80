package org.ringtree.integrations.postback;

/** How a postback ended: delivered after {@code attempts}, or dead-lettered with the last error. */
public record PostbackOutcome(
    String postbackId, boolean delivered, int attempts, String lastError) {}
