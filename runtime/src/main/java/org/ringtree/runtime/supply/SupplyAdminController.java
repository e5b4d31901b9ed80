package org.ringtree.runtime.supply;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff's side of the bid endpoint, under the API's existing rules: {@code PUT
 * /api/directory/rtb-supply/campaigns/{id}} (margin, bid life), {@code PUT
 * /api/directory/rtb-supply/pool-numbers/{number}} (a tracking number becomes a pool number), and
 * {@code GET /api/reports/rtb-supply} (bid, win and fill rate per publisher).
 */
@RestController
class SupplyAdminController {

  private final SupplyBidStore store;
  private final SupplyBids bids;

  SupplyAdminController(SupplyBidStore store, SupplyBids bids) {
    this.store = store;
    this.bids = bids;
  }

  /** A campaign's supply settings as sent; absent values take the defaults. */
  record SettingsForm(
      Boolean enabled,
      BigDecimal marginPercent,
      BigDecimal marginFixed,
      BigDecimal minPayout,
      Integer bidTtlSeconds) {}

  @PutMapping("/api/directory/rtb-supply/campaigns/{campaignId}")
  SupplyBidStore.CampaignSettings saveSettings(
      @PathVariable String campaignId, @RequestBody SettingsForm form) {
    var s =
        new SupplyBidStore.CampaignSettings(
            campaignId,
            form.enabled() == null || form.enabled(),
            form.marginPercent() == null ? BigDecimal.ZERO : form.marginPercent(),
            form.marginFixed() == null ? BigDecimal.ZERO : form.marginFixed(),
            form.minPayout() == null ? new BigDecimal("0.01") : form.minPayout(),
            form.bidTtlSeconds() == null ? 60 : form.bidTtlSeconds());
    if (s.marginPercent().signum() < 0
        || s.marginPercent().compareTo(BigDecimal.valueOf(100)) >= 0) {
      throw bad("marginPercent must be at least 0 and below 100");
    }
    if (s.marginFixed().signum() < 0 || s.minPayout().signum() <= 0) {
      throw bad("marginFixed must be at least 0 and minPayout above 0");
    }
    if (s.bidTtlSeconds() < 5 || s.bidTtlSeconds() > 600) {
      throw bad("bidTtlSeconds must be between 5 and 600");
    }
    try {
      store.saveSettings(s);
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      throw bad("unknown campaign " + campaignId);
    }
    return s;
  }

  @PutMapping("/api/directory/rtb-supply/pool-numbers/{number}")
  void addPoolNumber(@PathVariable String number) {
    try {
      store.addPoolNumber(number);
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      throw bad(number + " is not a tracking number");
    }
  }

  /** One publisher's line, with its rates. */
  record RateLine(
      String publisherId,
      long pings,
      long bids,
      long joined,
      long filled,
      BigDecimal paidAsBid,
      BigDecimal bidRate,
      BigDecimal winRate,
      BigDecimal fillRate) {}

  @GetMapping("/api/reports/rtb-supply")
  List<RateLine> report(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    Instant end = instant(to, Instant.now());
    Instant start = instant(from, end.minus(Duration.ofDays(1)));
    return bids.report(start, end).stream()
        .map(
            l ->
                new RateLine(
                    l.publisherId(),
                    l.pings(),
                    l.bids(),
                    l.joined(),
                    l.filled(),
                    l.paidAsBid(),
                    l.bidRate(),
                    l.winRate(),
                    l.fillRate()))
        .toList();
  }

  private static Instant instant(String text, Instant otherwise) {
    if (text == null) {
      return otherwise;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw bad("from and to must be ISO-8601 instants, e.g. 2026-12-01T00:00:00Z");
    }
  }

  private static ResponseStatusException bad(String reason) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
  }
}
