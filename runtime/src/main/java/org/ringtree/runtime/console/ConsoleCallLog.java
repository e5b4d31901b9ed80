package org.ringtree.runtime.console;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.editor.calls.CallLogPort;
import org.ringtree.runtime.billing.Disputes;
import org.ringtree.runtime.call.CallLogCsv;
import org.ringtree.runtime.call.CallLogQuery;
import org.ringtree.runtime.call.CallLogStore;
import org.ringtree.runtime.call.CallReport;
import org.ringtree.runtime.call.CallReportStore;
import org.ringtree.runtime.directory.DirectoryNames;
import org.ringtree.runtime.directory.DirectoryStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The call log screens' port: the REST API's parser, store and CSV writer (the recording is served
 * by {@link ConsoleRecordings}), behind the same roles as the console's routes (checked here again,
 * not only by the view).
 */
@Component
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
class ConsoleCallLog implements CallLogPort {

  private final CallLogStore log;
  private final CallReportStore calls;
  private final Disputes disputes;
  private final DirectoryNames names;
  private final DirectoryStore directory;

  ConsoleCallLog(
      CallLogStore log,
      CallReportStore calls,
      Disputes disputes,
      DirectoryNames names,
      DirectoryStore directory) {
    this.log = log;
    this.calls = calls;
    this.disputes = disputes;
    this.names = names;
    this.directory = directory;
  }

  @Override
  public Page page(Query query, String cursor, int limit) {
    Map<String, String> params = params(query);
    params.put("cursor", cursor);
    params.put("limit", Integer.toString(limit));
    CallLogQuery q = parse(params);
    CallLogStore.Page page = log.page(q.filter(), q.cursor(), q.limit());
    return new Page(
        page.rows().stream().map(ConsoleCallLog::row).toList(), CallLogQuery.encode(page.next()));
  }

  @Override
  public void exportCsv(Query query, OutputStream out) throws IOException {
    CallLogQuery q = parse(params(query));
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
    CallLogCsv.header(w);
    log.export(q.filter(), r -> CallLogCsv.line(w, r));
    w.flush();
  }

  @Override
  public List<Option> options(OptionKind kind, String text, int offset, int limit) {
    return names
        .search(DirectoryNames.Kind.valueOf(kind.name()), text == null ? "" : text, offset, limit)
        .stream()
        .map(n -> new Option(n.id(), n.name() + " (" + n.id() + ")"))
        .toList();
  }

  @Override
  public Optional<Detail> detail(String callSid) {
    return calls.report(callSid).map(this::detail);
  }

  private Detail detail(CallReport r) {
    CallReport.Summary s = r.call();
    Map<String, String> tags =
        s.trackingNumber() == null
            ? Map.of()
            : directory
                .trackingNumber(s.trackingNumber())
                .map(n -> n.sourceTags())
                .orElse(Map.of());
    return new Detail(
        new Summary(
            s.callSid(),
            s.startedAt(),
            s.endedAt(),
            s.status(),
            s.trackingNumber(),
            s.campaignId(),
            s.publisherId(),
            s.callerNumber(),
            s.callerState(),
            s.callerZip(),
            s.targetId(),
            s.buyerId(),
            s.totalSeconds(),
            s.ivrSeconds(),
            s.talkSeconds(),
            s.revenue(),
            s.payout(),
            s.currency(),
            s.billableToBuyer(),
            s.payableToPublisher(),
            s.duplicate(),
            s.recordingUrl() != null,
            s.recordingSeconds()),
        tags,
        r.events().stream()
            .map(e -> new Event(e.at(), e.kind(), e.stepKey(), e.answers()))
            .toList(),
        r.trace().stream()
            .map(
                t ->
                    new Trace(
                        t.seq(),
                        t.nodeId(),
                        t.targetId(),
                        t.kind(),
                        t.outcome(),
                        t.reason(),
                        t.bidAmount(),
                        t.latencyMs(),
                        t.httpStatus(),
                        t.detail() == null || t.detail().get("rule") == null
                            ? null
                            : String.valueOf(t.detail().get("rule"))))
            .toList(),
        r.ledger().stream()
            .map(
                l ->
                    new Ledger(
                        l.id(),
                        l.at(),
                        l.kind(),
                        l.partyType(),
                        l.partyId(),
                        l.amount(),
                        l.currency(),
                        l.ruleRef(),
                        l.description(),
                        l.correctsId()))
            .toList(),
        disputes.ofCall(UUID.fromString(s.id())).stream()
            .map(
                d ->
                    new Dispute(
                        d.id(),
                        d.state(),
                        d.buyerId(),
                        d.reason(),
                        d.openedBy(),
                        d.openedAt(),
                        d.decidedBy(),
                        d.note()))
            .toList(),
        r.score() == null
            ? null
            : new CallLogPort.Score(
                r.score().value(),
                r.score().model(),
                r.score().reasons().stream().map(Object::toString).toList(),
                r.score().note()));
  }

  private static Row row(CallLogStore.Row r) {
    return new Row(
        r.callSid(),
        r.startedAt(),
        r.status(),
        label(r.campaignName(), r.campaignId()),
        label(r.publisherName(), r.publisherId()),
        r.trackingNumber(),
        r.callerNumber(),
        r.callerState(),
        label(r.targetName(), r.targetId()),
        label(r.buyerName(), r.buyerId()),
        r.totalSeconds(),
        r.revenue(),
        r.payout(),
        r.currency(),
        r.billable(),
        r.duplicate(),
        r.hasRecording());
  }

  private static String label(String name, String id) {
    return id == null ? "" : name == null ? id : name;
  }

  /** The filters as the API's query parameters, so one parser checks both. */
  private static Map<String, String> params(Query q) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("from", q.from());
    p.put("to", q.to());
    p.put("tz", q.timeZone());
    p.put("campaign", q.campaign());
    p.put("publisher", q.publisher());
    p.put("buyer", q.buyer());
    p.put("target", q.target());
    p.put("number", q.number());
    p.put("caller", q.caller());
    p.put("status", q.status());
    p.put("billable", q.billable() == null ? null : q.billable().toString());
    p.put("duplicate", q.duplicate() == null ? null : q.duplicate().toString());
    p.put("recording", q.recording() == null ? null : q.recording().toString());
    p.put("qualified", q.qualified() == null ? null : q.qualified().toString());
    p.put("connected", q.connected() == null ? null : q.connected().toString());
    p.put("converted", q.converted() == null ? null : q.converted().toString());
    return p;
  }

  private static CallLogQuery parse(Map<String, String> params) {
    try {
      return CallLogQuery.parse(params);
    } catch (CallLogQuery.BadParameter e) {
      throw new BadFilter(e.parameter(), e.getMessage());
    }
  }
}
