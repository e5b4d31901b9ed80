package org.ringtree.editor.calls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the call log screens need from the platform. Filter values travel as the operator gave them
 * and are checked by the platform with the REST API's rules, so a refusal names the same parameter
 * in the same words.
 */
public interface CallLogPort {

  /** The filters; null or blank values do not filter. Dates and date-times are read in timeZone. */
  record Query(
      String from,
      String to,
      String timeZone,
      String campaign,
      String publisher,
      String buyer,
      String target,
      String number,
      String caller,
      String status,
      Boolean billable,
      Boolean duplicate,
      Boolean recording,
      Boolean qualified,
      Boolean connected,
      Boolean converted) {

    public static final Query NONE =
        new Query(null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** A query without the qualified, connected and converted flags. */
    public Query(
        String from,
        String to,
        String timeZone,
        String campaign,
        String publisher,
        String buyer,
        String target,
        String number,
        String caller,
        String status,
        Boolean billable,
        Boolean duplicate,
        Boolean recording) {
      this(
          from, to, timeZone, campaign, publisher, buyer, target, number, caller, status, billable,
          duplicate, recording, null, null, null);
    }
  }

  /** A filter value the platform refused, by its API parameter name. */
  final class BadFilter extends RuntimeException {
    private final String parameter;

    public BadFilter(String parameter, String message) {
      super(message);
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }
  }

  /** One line of the log. */
  record Row(
      String callSid,
      Instant startedAt,
      String status,
      String campaign,
      String publisher,
      String trackingNumber,
      String callerNumber,
      String callerState,
      String target,
      String buyer,
      Integer totalSeconds,
      BigDecimal revenue,
      BigDecimal payout,
      String currency,
      Boolean billable,
      boolean duplicate,
      boolean hasRecording) {}

  /** A page and the cursor of the next one (null: none). */
  record Page(List<Row> rows, String next) {}

  /** Up to {@code limit} calls after {@code cursor} (null: the newest). */
  Page page(Query query, String cursor, int limit);

  /** Every matching call as CSV, written to {@code out} as it is read. */
  void exportCsv(Query query, OutputStream out) throws IOException;

  /** Directory entries the filters pick from. */
  enum OptionKind {
    CAMPAIGN,
    PUBLISHER,
    BUYER,
    TARGET
  }

  record Option(String id, String label) {}

  List<Option> options(OptionKind kind, String text, int offset, int limit);

  /** One call, everything the detail page shows; {@code score} is null for a call not scored. */
  record Detail(
      Summary call,
      Map<String, String> sourceTags,
      List<Event> events,
      List<Trace> trace,
      List<Ledger> ledger,
      List<Dispute> disputes,
      Score score) {

    public Detail(
        Summary call,
        Map<String, String> sourceTags,
        List<Event> events,
        List<Trace> trace,
        List<Ledger> ledger,
        List<Dispute> disputes) {
      this(call, sourceTags, events, trace, ledger, disputes, null);
    }
  }

  /**
   * The call's quality score (0–100) before it was routed: who scored it (the prior's or a learned
   * model's version), its top reasons in points ("caller called 4 times in 24 h: −18") and the note
   * when the prior stood in for a model.
   */
  record Score(int value, String model, List<String> reasons, String note) {}

  record Summary(
      String callSid,
      Instant startedAt,
      Instant endedAt,
      String status,
      String trackingNumber,
      String campaign,
      String publisher,
      String callerNumber,
      String callerState,
      String callerZip,
      String target,
      String buyer,
      Integer totalSeconds,
      Integer ivrSeconds,
      Integer talkSeconds,
      BigDecimal revenue,
      BigDecimal payout,
      String currency,
      Boolean billable,
      Boolean payable,
      boolean duplicate,
      boolean hasRecording,
      Integer recordingSeconds) {}

  /** A webhook the call received, with the caller's answer or the provider's result in it. */
  record Event(Instant at, String kind, String stepKey, Map<String, String> answers) {}

  record Trace(
      int seq,
      String nodeId,
      String targetId,
      String kind,
      String outcome,
      String reason,
      BigDecimal bid,
      Integer latencyMs,
      Integer httpStatus,
      String rule) {}

  record Ledger(
      long id,
      Instant at,
      String kind,
      String partyType,
      String partyId,
      BigDecimal amount,
      String currency,
      String ruleRef,
      String description,
      Long correctsId) {}

  record Dispute(
      long id,
      String state,
      String buyerId,
      String reason,
      String openedBy,
      Instant openedAt,
      String decidedBy,
      String note) {}

  Optional<Detail> detail(String callSid);

  /**
   * Where the platform serves a call's recording to a signed-in operator, relative to the console's
   * root: through Ringtree, never the provider's URL, and seekable (HTTP range requests).
   */
  String RECORDINGS = "console/recordings/";

  static String recordingAddress(String callSid) {
    return RECORDINGS
        + java.net.URLEncoder.encode(callSid, java.nio.charset.StandardCharsets.UTF_8);
  }
}
