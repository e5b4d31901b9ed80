package org.ringtree.runtime.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One call as the API shows it: the record, its routing trace, the ledger rows it caused and its
 * quality score (null: not scored; docs/score.md).
 */
public record CallReport(
    Summary call,
    List<Event> events,
    List<TraceRow> trace,
    List<LedgerRow> ledger,
    org.ringtree.runtime.score.CallScoreStore.Stored score) {

  public record Summary(
      String id,
      String callSid,
      String trackingNumber,
      String campaignId,
      String publisherId,
      Long flowVersionId,
      String callerNumber,
      String callerState,
      String callerZip,
      String status,
      Instant startedAt,
      Instant endedAt,
      Integer totalSeconds,
      Integer ivrSeconds,
      Integer talkSeconds,
      String targetId,
      String buyerId,
      BigDecimal revenue,
      BigDecimal payout,
      String currency,
      Boolean billableToBuyer,
      Boolean payableToPublisher,
      boolean duplicate,
      String recordingUrl,
      Integer recordingSeconds) {}

  /**
   * A webhook the call received; {@code answers}: what it carried that an operator reads (the
   * caller's digits or speech, the dial or call result), not the whole request.
   */
  public record Event(String stepKey, String kind, Instant at, Map<String, String> answers) {}

  public record TraceRow(
      int seq,
      String nodeId,
      String targetId,
      String kind,
      String outcome,
      String reason,
      BigDecimal bidAmount,
      Integer latencyMs,
      Integer httpStatus,
      Map<String, Object> detail) {}

  public record LedgerRow(
      long id,
      String kind,
      String partyType,
      String partyId,
      BigDecimal amount,
      String currency,
      String ruleRef,
      String description,
      Long correctsId,
      Instant at) {}
}
