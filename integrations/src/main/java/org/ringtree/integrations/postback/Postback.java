package org.ringtree.integrations.postback;

import java.util.Objects;

/**
 * One postback to deliver: a stable id (the runtime's row id, so attempts and dead letters point
 * back at it) and the expanded URL, requested with GET.
 */
public record Postback(String postbackId, String url) {
  public Postback {
    Objects.requireNonNull(postbackId, "postbackId");
    Objects.requireNonNull(url, "url");
  }
}
