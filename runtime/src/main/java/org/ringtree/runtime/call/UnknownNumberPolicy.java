package org.ringtree.runtime.call;

import java.util.ArrayList;
import java.util.List;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.directory.Destination;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a caller hears when the number they dialled is not a tracking number we know (or its
 * campaign has no live flow): a message, then either a forward to a default number or a hang-up.
 * Configured with {@code ringtree.unknown-number.message} and {@code .forward-to}.
 */
@Component
public class UnknownNumberPolicy {

  private final String message;
  private final String forwardTo;

  UnknownNumberPolicy(
      @Value("${ringtree.unknown-number.message:Sorry, this number is not in service. Goodbye.}")
          String message,
      @Value("${ringtree.unknown-number.forward-to:}") String forwardTo) {
    this.message = message;
    this.forwardTo = forwardTo.isBlank() ? null : new Destination.PhoneNumber(forwardTo).e164();
  }

  public List<CallInstruction> instructions() {
    List<CallInstruction> out = new ArrayList<>();
    out.add(new CallInstruction.Say(message, null, null));
    if (forwardTo != null) {
      out.add(
          new CallInstruction.Dial(null, new Destination.PhoneNumber(forwardTo), 30, null, false));
    }
    out.add(new CallInstruction.Hangup());
    return out;
  }
}
