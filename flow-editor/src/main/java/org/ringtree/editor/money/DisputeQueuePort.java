package org.ringtree.editor.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the dispute queue needs from the platform: the same service /api/disputes uses. */
public interface DisputeQueuePort {

  /**
   * One dispute with its call: {@code buyerTotal} and {@code publisherTotal} are what each party
   * stands at for the call now; an approval credits the buyer's total and claws back {@code
   * publisherClawback} ({@code clawbackPercent} of the payout, the campaign's rule); {@code
   * requestedRevenue} is set when a buyer's postback asked for another revenue instead.
   */
  record Entry(
      long id,
      String callSid,
      String buyer,
      String publisher,
      BigDecimal buyerTotal,
      BigDecimal publisherTotal,
      BigDecimal clawbackPercent,
      BigDecimal publisherClawback,
      BigDecimal requestedRevenue,
      String currency,
      String reason,
      String state,
      String openedBy,
      Instant openedAt,
      String decidedBy,
      Instant decidedAt,
      String note) {

    public boolean open() {
      return "OPEN".equals(state);
    }
  }

  /** What an approval wrote: the buyer's credit and the publisher's clawback (negative). */
  record Approved(Entry entry, BigDecimal buyerChange, BigDecimal publisherChange) {}

  /** A refusal of the platform, in its own words (the same the REST API answers). */
  final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  /** Open disputes first, the longest waiting on top; then decided ones, newest first. */
  List<Entry> queue();

  Approved approve(long id, String note);

  Entry reject(long id, String reason);

  /** Whether the network requires a second person for money changes. */
  boolean approvalRequired();
}
