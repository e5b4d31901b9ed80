package org.ringtree.runtime.call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import org.ringtree.runtime.billing.ReportCsv;

/** The call log as CSV (RFC 4180), one line per call, written as the rows are read. */
public final class CallLogCsv {

  public static final String HEADER =
      "call_sid,started_at,ended_at,status,campaign_id,campaign,publisher_id,publisher,"
          + "tracking_number,caller_number,caller_state,caller_zip,target_id,target,buyer_id,buyer,"
          + "total_seconds,talk_seconds,revenue,payout,currency,billable,payable,duplicate,"
          + "converted,has_recording";

  private CallLogCsv() {}

  public static void header(Writer out) {
    write(out, HEADER + "\r\n");
  }

  public static void line(Writer out, CallLogStore.Row r) {
    StringBuilder b = new StringBuilder(256);
    b.append(ReportCsv.text(r.callSid()))
        .append(',')
        .append(time(r.startedAt()))
        .append(',')
        .append(time(r.endedAt()))
        .append(',')
        .append(ReportCsv.text(r.status()))
        .append(',')
        .append(ReportCsv.text(r.campaignId()))
        .append(',')
        .append(ReportCsv.text(r.campaignName()))
        .append(',')
        .append(ReportCsv.text(r.publisherId()))
        .append(',')
        .append(ReportCsv.text(r.publisherName()))
        .append(',')
        .append(ReportCsv.text(r.trackingNumber()))
        .append(',')
        .append(ReportCsv.text(r.callerNumber()))
        .append(',')
        .append(ReportCsv.text(r.callerState()))
        .append(',')
        .append(ReportCsv.text(r.callerZip()))
        .append(',')
        .append(ReportCsv.text(r.targetId()))
        .append(',')
        .append(ReportCsv.text(r.targetName()))
        .append(',')
        .append(ReportCsv.text(r.buyerId()))
        .append(',')
        .append(ReportCsv.text(r.buyerName()))
        .append(',')
        .append(r.totalSeconds() == null ? "" : r.totalSeconds())
        .append(',')
        .append(r.talkSeconds() == null ? "" : r.talkSeconds())
        .append(',')
        .append(money(r.revenue()))
        .append(',')
        .append(money(r.payout()))
        .append(',')
        .append(ReportCsv.text(r.currency()))
        .append(',')
        .append(r.billable() == null ? "" : r.billable())
        .append(',')
        .append(r.payable() == null ? "" : r.payable())
        .append(',')
        .append(r.duplicate())
        .append(',')
        .append(r.converted())
        .append(',')
        .append(r.hasRecording())
        .append("\r\n");
    write(out, b.toString());
  }

  private static String time(Instant t) {
    return t == null ? "" : t.toString();
  }

  private static String money(BigDecimal m) {
    return m == null ? "" : m.toPlainString();
  }

  private static void write(Writer out, String s) {
    try {
      out.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
