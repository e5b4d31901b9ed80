package org.ringtree.editor.portal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The signed-in buyer's portal: its own calls, spend, caps and targets only. The buyer is the one
 * the signed-in account is linked to; a target id from the page is checked to be the buyer's own.
 */
public interface BuyerPortalPort {

  /** Where the buyer's recordings play from: Ringtree's own endpoint, seekable (ranged). */
  static String recordingAddress(String callSid) {
    return "/api/portal/calls/"
        + java.net.URLEncoder.encode(callSid, java.nio.charset.StandardCharsets.UTF_8)
        + "/recording";
  }

  record Me(String buyerId, String name) {}

  /** A call as its buyer sees it: what it cost, never what the publisher earned. */
  record Call(
      String callSid,
      Instant startedAt,
      String campaign,
      String caller,
      String callerState,
      String target,
      String status,
      Integer talkSeconds,
      Boolean billable,
      BigDecimal spend,
      String currency,
      boolean recorded) {}

  /** The spend of one day on one target. */
  record SpendLine(
      LocalDate day,
      String targetId,
      String targetName,
      long calls,
      BigDecimal amount,
      String currency) {}

  /** One cap of the buyer or of one of its targets, and how much of it is used now. */
  record CapUse(String scope, String id, String name, String period, long used, int cap) {}

  /** One target of the buyer: whether it takes calls now, and its calls in progress. */
  record Target(String id, String name, boolean active, int callsNow, Integer concurrencyCap) {}

  /** What became of a pause or resume. */
  sealed interface Outcome {
    record Done(Target target) implements Outcome {}

    /** Not a target of this buyer (or none at all): the same answer either way. */
    record NotFound(String targetId) implements Outcome {}
  }

  Me me();

  List<PortalFigures> overview(List<PortalPeriods.Period> periods);

  List<Call> calls(int offset, int limit);

  int callCount();

  void exportCalls(OutputStream out) throws IOException;

  List<SpendLine> spend(LocalDate first, LocalDate last, ZoneId zone);

  List<Target> targets();

  List<CapUse> caps();

  /** Pauses or resumes one of the buyer's own targets for the next call; audited. */
  Outcome setActive(String targetId, boolean active);

  /** Calls {@code changed} (on another thread) when calls start or end; returns the undo. */
  Runnable watch(Runnable changed);
}
