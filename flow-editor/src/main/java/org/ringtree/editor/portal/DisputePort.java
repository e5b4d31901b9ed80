package org.ringtree.editor.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the buyer's dispute screen needs: the signed-in buyer's own calls and disputes, and raising
 * one (the same rules as POST /api/portal/disputes: own call, within the window, once, billable).
 */
public interface DisputePort {

  /** One of the buyer's calls: what it was charged, and whether it is already disputed. */
  record Call(
      String callSid,
      Instant startedAt,
      String campaign,
      String status,
      Integer talkSeconds,
      Boolean billable,
      BigDecimal spend,
      String currency) {}

  record Dispute(
      long id,
      String callSid,
      String reason,
      String state,
      Instant openedAt,
      Instant decidedAt,
      String note,
      BigDecimal credit,
      String currency) {}

  /** A refusal in the platform's words (the same the portal API answers). */
  final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  /** The buyer's newest calls. */
  List<Call> calls(int limit);

  /** The buyer's disputes, newest first. */
  List<Dispute> disputes();

  Dispute raise(String callSid, String reason);

  /** Where the buyer hears its own call, through Ringtree's portal API (seekable). */
  static String recordingAddress(String callSid) {
    return "api/portal/calls/"
        + java.net.URLEncoder.encode(callSid, java.nio.charset.StandardCharsets.UTF_8)
        + "/recording";
  }
}
