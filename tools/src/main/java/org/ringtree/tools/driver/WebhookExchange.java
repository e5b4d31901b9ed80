package org.ringtree.tools.driver;

import java.util.Map;

/** One webhook the driver posted and what the platform answered. */
public record WebhookExchange(
    String pathAndQuery, Map<String, String> params, int status, String body) {}
