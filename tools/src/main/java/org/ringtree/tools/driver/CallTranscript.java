package org.ringtree.tools.driver;

import java.util.List;

/** Everything a simulated call did: each webhook exchange and the lines a caller would hear. */
public record CallTranscript(
    String callSid, List<WebhookExchange> exchanges, List<String> heard, int totalSeconds) {

  public CallTranscript {
    exchanges = List.copyOf(exchanges);
    heard = List.copyOf(heard);
  }

  /** The TwiML answers in order. */
  public List<String> twiml() {
    return exchanges.stream().map(WebhookExchange::body).toList();
  }
}
