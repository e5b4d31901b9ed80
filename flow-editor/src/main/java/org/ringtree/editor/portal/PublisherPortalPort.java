package org.ringtree.editor.portal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in publisher's portal: its own numbers, calls and payouts only. The publisher is the
 * one the signed-in account is linked to; no method takes a publisher id.
 */
public interface PublisherPortalPort {

  /** The publisher's name and what its operator lets the portal show. */
  record Me(String publisherId, String name, boolean showsCallerNumber, boolean showsBuyerNames) {}

  /** One tracking number of the publisher and the campaign it feeds. */
  record OwnNumber(String number, String campaignId, String campaignName, boolean inService) {}

  /**
   * A call as its publisher sees it. {@code caller} is masked ("+1310•••0000") and {@code buyer}
   * "hidden" unless the operator allows them; never what the buyer paid.
   */
  record Call(
      String callSid,
      Instant startedAt,
      String campaign,
      String trackingNumber,
      String caller,
      String callerState,
      String buyer,
      String status,
      Integer talkSeconds,
      Boolean payable,
      BigDecimal payout,
      String currency) {}

  /** The payouts of one day and campaign under one rule (the ledger row's rule reference). */
  record PayoutLine(
      LocalDate day,
      String campaignId,
      String campaignName,
      String rule,
      long entries,
      BigDecimal amount,
      String currency) {}

  Me me();

  List<PortalFigures> overview(List<PortalPeriods.Period> periods);

  List<OwnNumber> numbers();

  List<Call> calls(int offset, int limit);

  int callCount();

  /** One of the publisher's calls; empty for any other call, whoever's it is. */
  Optional<Call> call(String callSid);

  List<PayoutLine> payouts(LocalDate first, LocalDate last, ZoneId zone);

  /** Every call of the publisher as CSV, streamed from the database (same columns as the grid). */
  void exportCalls(OutputStream out) throws IOException;
}
