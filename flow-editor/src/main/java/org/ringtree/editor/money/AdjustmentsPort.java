package org.ringtree.editor.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the bulk adjustments screen needs: the same preview → apply (or request → apply by a second
 * person) the REST API /api/adjustments offers.
 */
public interface AdjustmentsPort {

  /** Which calls: started in [from, to) and of a campaign / publisher / buyer, or named by SID. */
  record Filter(
      Instant from,
      Instant to,
      String campaign,
      String publisher,
      String buyer,
      List<String> callSids) {}

  enum Party {
    BUYER,
    PUBLISHER
  }

  /** SET each call's total to amount, ADD amount to it, or change it by amount PERCENT. */
  enum Mode {
    SET,
    ADD,
    PERCENT
  }

  record Action(Party party, Mode mode, BigDecimal amount, String reason) {}

  record Request(Filter filter, Action action) {}

  /** One adjusted party's statement over the matched calls; negative: it would go below zero. */
  record PartyLine(
      Party party,
      String partyId,
      String currency,
      BigDecimal before,
      BigDecimal change,
      BigDecimal after,
      boolean negative) {}

  record CallChange(String callId, BigDecimal before, BigDecimal after) {}

  record Preview(
      long calls,
      long changedCalls,
      BigDecimal revenueBefore,
      BigDecimal payoutBefore,
      BigDecimal marginBefore,
      BigDecimal revenueAfter,
      BigDecimal payoutAfter,
      BigDecimal marginAfter,
      List<PartyLine> parties,
      List<CallChange> firstChanges,
      String token) {

    public boolean anyNegative() {
      return parties.stream().anyMatch(PartyLine::negative);
    }
  }

  /** Applied straight away (batchId) or asked for, for a second person (requestId). */
  record Outcome(UUID batchId, Long requestId) {}

  record Pending(
      long id,
      Request request,
      Preview preview,
      String state,
      String requestedBy,
      Instant requestedAt,
      String decidedBy,
      String note) {}

  final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  /** The network's time zone: the form's dates are whole days in it. */
  java.time.ZoneId zone();

  Preview preview(Request request);

  /** Applies the previewed batch, or asks for it when approval is required. */
  Outcome apply(Request request, String token);

  boolean approvalRequired();

  /** Requests, pending first. */
  List<Pending> requests();

  Pending applyRequest(long id, String note);

  Pending rejectRequest(long id, String note);
}
