package org.ringtree.runtime.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ringtree.runtime.security.Account;
import org.ringtree.runtime.security.Role;
import org.ringtree.runtime.security.SignedInUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: the portal of the signed-in publisher or buyer (roles PUBLISHER and BUYER only). A
 * publisher gets its calls and payouts, a buyer its calls and spend; another party's call is "not
 * found", never "forbidden", so ids of other parties' calls cannot be confirmed.
 */
@RestController
@RequestMapping("/api/portal")
class PortalController {

  private static final int MAX_ROWS = 1000;

  private final PortalStore store;

  PortalController(PortalStore store) {
    this.store = store;
  }

  /** Money of one party: its ledger rows and their total per currency. */
  record Money(String party, String partyId, Map<String, BigDecimal> totals, List<?> entries) {}

  @GetMapping("/me")
  Map<String, Object> me(@AuthenticationPrincipal SignedInUser user) {
    Account a = user.account();
    return a.role() == Role.PUBLISHER
        ? Map.of("role", a.role(), "publisherId", a.publisherId())
        : Map.of("role", a.role(), "buyerId", a.buyerId());
  }

  @GetMapping("/calls")
  List<?> calls(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to,
      @RequestParam(defaultValue = "100") int limit) {
    Account a = user.account();
    int rows = Math.max(1, Math.min(limit, MAX_ROWS));
    return a.role() == Role.PUBLISHER
        ? store.publisherCalls(a.publisherId(), from, to, rows)
        : store.buyerCalls(a.buyerId(), from, to, rows);
  }

  @GetMapping("/calls/{callSid}")
  ResponseEntity<?> call(@AuthenticationPrincipal SignedInUser user, @PathVariable String callSid) {
    Account a = user.account();
    if (a.role() == Role.PUBLISHER) {
      return ResponseEntity.of(store.publisherCall(a.publisherId(), callSid));
    }
    return ResponseEntity.of(store.buyerCall(a.buyerId(), callSid));
  }

  @GetMapping("/payouts")
  ResponseEntity<?> payouts(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to) {
    Account a = user.account();
    if (a.role() != Role.PUBLISHER) {
      return notYours("payouts are a publisher's; a buyer's money is under /api/portal/spend");
    }
    return ResponseEntity.ok(money("PUBLISHER", a.publisherId(), from, to));
  }

  @GetMapping("/spend")
  ResponseEntity<?> spend(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to) {
    Account a = user.account();
    if (a.role() != Role.BUYER) {
      return notYours("spend is a buyer's; a publisher's money is under /api/portal/payouts");
    }
    return ResponseEntity.ok(money("BUYER", a.buyerId(), from, to));
  }

  private Money money(String party, String partyId, Instant from, Instant to) {
    List<PortalStore.MoneyEntry> entries = store.ledger(party, partyId, from, to, MAX_ROWS);
    return new Money(party, partyId, store.totals(party, partyId, from, to), entries);
  }

  private static ResponseEntity<?> notYours(String message) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", message));
  }
}
