package org.ringtree.integrations.postback;

import java.time.Duration;
import java.util.Map;
import org.ringtree.rules.money.Money;

/**
 * What a postback can tell a publisher about a call. Null fields expand to an empty string.
 *
 * @param event why the postback is sent, e.g. {@code conversion} or {@code call}
 * @param duration the call's talk or total duration, as the runtime decides
 */
public record PostbackValues(
    String event,
    String callId,
    String publisherId,
    String campaignId,
    String subId,
    String callerNumber,
    String callerState,
    String callerZip,
    Money payout,
    Duration duration,
    Map<String, String> tags) {

  public PostbackValues {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }
}
