package org.ringtree.runtime.call;

import java.util.List;
import java.util.UUID;
import org.ringtree.rules.call.CallInstruction;

/**
 * Port: turns instructions into the provider's answer (TwiML), pointing back at step {@code step}.
 */
public interface ReplyRenderer {

  String render(UUID callId, int step, List<CallInstruction> instructions);

  /** Refuses the call before it is picked up (Twilio's {@code <Reject>}): nothing is billed. */
  String reject();
}
