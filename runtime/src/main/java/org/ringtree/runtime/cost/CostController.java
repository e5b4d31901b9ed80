package org.ringtree.runtime.cost;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The telephony rates over REST: staff read them; an admin changes them (a new version, {@code 202}
 * pending while approval is required); an admin or compliance officer other than who asked approves
 * or rejects.
 */
@RestController
@RequestMapping("/api/costs/rates")
class CostController {

  private final CostRates rates;

  CostController(CostRates rates) {
    this.rates = rates;
  }

  @GetMapping
  List<TelephonyRate> all() {
    return rates.all();
  }

  @PutMapping
  ResponseEntity<TelephonyRate> change(
      Principal actor,
      @RequestParam(required = false) String campaign,
      @RequestBody(required = false) RateInput body) {
    TelephonyRate r = rates.propose(campaign, body, actor.getName());
    return ResponseEntity.status(r.state() == TelephonyRate.State.PENDING ? 202 : 200).body(r);
  }

  /** A decision's note. */
  record Decision(String note) {}

  @PostMapping("/{id}/approve")
  TelephonyRate approve(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
    return rates.approve(id, actor.getName(), body == null ? null : body.note());
  }

  @PostMapping("/{id}/reject")
  TelephonyRate reject(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
    return rates.reject(id, actor.getName(), body == null ? null : body.note());
  }

  @ExceptionHandler(CostProblem.class)
  ResponseEntity<Map<String, String>> problem(CostProblem p) {
    return ResponseEntity.status(p.status()).body(Map.of("error", p.getMessage()));
  }

  /** A body that is not JSON or has a field of the wrong type: 400 naming the field if known. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    String field = "body";
    if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException m
        && !m.getPath().isEmpty()) {
      field = m.getPath().get(m.getPath().size() - 1).getFieldName();
    }
    return ResponseEntity.badRequest()
        .body(Map.of("error", field + ": not a valid value (numbers, e.g. 0.0085)"));
  }
}
