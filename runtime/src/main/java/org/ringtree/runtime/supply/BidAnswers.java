package org.ringtree.runtime.supply;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a ping's answer, or its refusal, in the shape the publisher pinged in. Ringtree's shape is
 * the answer Ringtree reads from its own buyers ({@code RINGTREE}, docs/rtb.md); Ringba's is the
 * publisher answer of support.ringba.com article 26359999885079 ({@code bidId}, {@code bidAmount},
 * {@code expireInSeconds}, {@code phoneNumber}, {@code phoneNumberNoPlus}, {@code sipAddress}, and
 * {@code rejectReason} with a $0 bid on failure), its codes from article 17992477665943.
 */
final class BidAnswers {

  private BidAnswers() {}

  static int status(SupplyBids.Answer answer) {
    return answer instanceof SupplyBids.Answer.Refused r ? r.httpStatus() : 200;
  }

  static Map<String, Object> body(BidShape shape, SupplyBids.Answer answer) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (answer instanceof SupplyBids.Answer.Bid b && shape == BidShape.RINGBA) {
      out.put("bidId", b.bidId().toString());
      out.put("bidAmount", b.payout());
      out.put("expireInSeconds", b.expiresInSeconds());
      // a SIP destination goes in sipAddress, without its scheme as Ringba's buyers read it
      // (docs/rtb.md, RINGBA: "else sipAddress (we add sip:)")
      boolean sip = b.destination().startsWith("sip:");
      out.put("phoneNumber", sip ? null : b.destination());
      out.put("phoneNumberNoPlus", sip ? null : b.destination().substring(1));
      out.put("sipAddress", sip ? b.destination().substring(4) : null);
    } else if (answer instanceof SupplyBids.Answer.Bid b) {
      out.put("bidId", b.bidId().toString());
      out.put("accepted", true);
      out.put("amount", b.payout().toPlainString());
      out.put("currency", b.currency());
      out.put("destination", b.destination());
      out.put("expiresInSeconds", b.expiresInSeconds());
      if (b.repeated()) {
        out.put("repeated", true);
      }
      if (b.score() != null) {
        out.put("score", b.score());
      }
    } else if (answer instanceof SupplyBids.Answer.NoBid n) {
      declined(shape, out, n.bidId().toString(), n.code(), n.reason());
    } else if (answer instanceof SupplyBids.Answer.Refused r) {
      declined(shape, out, null, r.code(), r.reason());
    }
    return out;
  }

  /** A refusal decided before the request reached the endpoint (sign-in, unreadable body). */
  static Map<String, Object> refused(BidShape shape, SupplyBids.NoBidCode code, String reason) {
    Map<String, Object> out = new LinkedHashMap<>();
    declined(shape, out, null, code, reason);
    return out;
  }

  private static void declined(
      BidShape shape,
      Map<String, Object> out,
      String bidId,
      SupplyBids.NoBidCode code,
      String why) {
    if (shape == BidShape.RINGBA) {
      if (bidId != null) {
        out.put("bidId", bidId);
      }
      out.put("bidAmount", BigDecimal.ZERO);
      out.put("rejectReason", code.code + " - " + code.label + ": " + why);
      return;
    }
    if (bidId != null) {
      out.put("bidId", bidId);
    }
    out.put("accepted", false);
    out.put("reason", why);
    out.put("code", code.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** The shape a request to {@code path} is answered in: {@code …/ringba} is Ringba's. */
  static BidShape shapeOf(String path) {
    return path != null && path.endsWith("/ringba") ? BidShape.RINGBA : BidShape.RINGTREE;
  }
}
