package org.ringtree.runtime.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ringtree.runtime.billing.Disputes;
import org.ringtree.runtime.call.CallRecordings;
import org.ringtree.runtime.security.Account;
import org.ringtree.runtime.security.Role;
import org.ringtree.runtime.security.SignedInUser;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
  private final Disputes disputes;
  private final CallRecordings recordings;

  PortalController(PortalStore store, Disputes disputes, CallRecordings recordings) {
    this.store = store;
    this.disputes = disputes;
    this.recordings = recordings;
  }

  /** A buyer's dispute: the call by its SID or its id, and why. */
  record NewDispute(String callSid, String callId, String reason) {}

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

  /**
   * The CSRF token a browser signed in with the console's session sends with unsafe requests (in
   * the named header or form parameter); requests with Basic or an API key need none.
   */
  @GetMapping("/csrf")
  Map<String, String> csrf(CsrfToken token) {
    return Map.of(
        "headerName", token.getHeaderName(),
        "parameterName", token.getParameterName(),
        "token", token.getToken());
  }

  /** The buyer disputes one of its own calls (billing.Disputes decides, and audits it). */
  @PostMapping("/disputes")
  ResponseEntity<?> dispute(
      @AuthenticationPrincipal SignedInUser user, @RequestBody NewDispute body) {
    Account a = user.account();
    if (a.role() != Role.BUYER) {
      return notYours("disputes are a buyer's: a publisher's calls are disputed by their buyer");
    }
    String ref = body.callSid() != null ? body.callSid() : body.callId();
    if (ref == null || ref.isBlank()) {
      return ResponseEntity.unprocessableEntity()
          .body(Map.of("error", "name the call: callSid or callId"));
    }
    return store
        .buyerCallId(a.buyerId(), ref.strip())
        .<ResponseEntity<?>>map(
            id ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .body(disputes.openByBuyer(id, a.buyerId(), body.reason(), user.getUsername())))
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("error", "no such call among yours: " + ref.strip())));
  }

  @GetMapping("/disputes")
  ResponseEntity<?> disputes(@AuthenticationPrincipal SignedInUser user) {
    Account a = user.account();
    if (a.role() != Role.BUYER) {
      return notYours("disputes are a buyer's");
    }
    return ResponseEntity.ok(store.buyerDisputes(a.buyerId(), MAX_ROWS));
  }

  /**
   * The recording of one of the buyer's own calls, served through Ringtree (seekable) as the
   * operator's call log serves it; another party's call is "not found".
   */
  @GetMapping("/calls/{callSid}/recording")
  ResponseEntity<Resource> recording(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String callSid,
      @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
    Account a = user.account();
    if (a.role() != Role.BUYER) {
      throw new Refused(HttpStatus.FORBIDDEN, "recordings are heard by the call's buyer");
    }
    if (store.buyerCall(a.buyerId(), callSid).isEmpty()) {
      throw new Refused(HttpStatus.NOT_FOUND, "no such call among yours");
    }
    return recordings.respond(callSid, range);
  }

  /** A refusal of an endpoint whose success is not JSON (the recording). */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final HttpStatus status;

    Refused(HttpStatus status, String message) {
      super(message);
      this.status = status;
    }
  }

  @ExceptionHandler(Refused.class)
  ResponseEntity<Map<String, String>> refused(Refused e) {
    return ResponseEntity.status(e.status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(CallRecordings.Unavailable.class)
  ResponseEntity<Map<String, String>> unavailable(CallRecordings.Unavailable e) {
    return CallRecordings.refusal(e);
  }

  private Money money(String party, String partyId, Instant from, Instant to) {
    List<PortalStore.MoneyEntry> entries = store.ledger(party, partyId, from, to, MAX_ROWS);
    return new Money(party, partyId, store.totals(party, partyId, from, to), entries);
  }

  private static ResponseEntity<?> notYours(String message) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", message));
  }
}
