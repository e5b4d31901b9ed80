package org.ringtree.runtime.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The calls table as billing uses it. The call feature owns the table ({@code call.CallStore}
 * implements this), so billing records its decisions through the owner while the call feature keeps
 * calling billing, not the reverse.
 */
public interface BilledCalls {

  /** What settling needs to know about a call beyond what the call path hands over. */
  record CallFacts(String callerNumber, String callerState, Instant startedAt, String currency) {}

  CallFacts facts(UUID callId);

  /** Whether another call from the caller to the campaign started between the two instants. */
  boolean hasOtherCall(
      String callerNumber, String campaignId, UUID exceptCallId, Instant from, Instant until);

  /** The billing table's decision on a settled call, naming the table version that decided. */
  void recordBilling(
      UUID callId,
      boolean billableToBuyer,
      boolean payableToPublisher,
      boolean duplicate,
      BigDecimal revenue,
      BigDecimal payout,
      String billingTable);

  /** The decision on a call settled without a billing table (it books no money). */
  void recordBillingWithoutTable(
      UUID callId,
      boolean billableToBuyer,
      boolean payableToPublisher,
      boolean duplicate,
      BigDecimal revenue,
      BigDecimal payout);

  /** An approved dispute: the call is neither billed to its buyer nor paid to its publisher. */
  void markNotBillable(UUID callId);
}
