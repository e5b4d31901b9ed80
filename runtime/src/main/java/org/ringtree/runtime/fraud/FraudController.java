package org.ringtree.runtime.fraud;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * REST for the fraud defences (docs/fraud.md), admins and operators (compliance reads): the
 * blocklist ({@code POST /api/fraud/blocklist} takes a CSV body, all or nothing), the policies of
 * the network ({@code *}) and campaigns, and the recent findings.
 */
@RestController
@RequestMapping("/api/fraud")
class FraudController {

  private final FraudAdmin admin;

  FraudController(FraudAdmin admin) {
    this.admin = admin;
  }

  @PostMapping(
      value = "/blocklist",
      consumes = {"text/csv", "text/plain", "application/octet-stream"})
  FraudAdmin.Imported importCsv(
      Principal actor,
      @RequestBody(required = false) String csv,
      @RequestParam(name = "list", required = false) String list,
      @RequestParam(defaultValue = "false") boolean confirm) {
    return admin.importCsv(csv, list, confirm, actor.getName());
  }

  record EntryPage(long total, List<FraudAdmin.Entry> entries) {}

  @GetMapping("/blocklist")
  EntryPage entries(
      @RequestParam(name = "list", required = false) String list,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "100") int limit) {
    return new EntryPage(admin.count(list), admin.entries(list, offset, limit));
  }

  @DeleteMapping("/blocklist/{id}")
  FraudAdmin.Entry delete(Principal actor, @PathVariable long id) {
    return admin.delete(id, actor.getName());
  }

  /** Deletes every entry of one list (e.g. a bought list being replaced). */
  @DeleteMapping("/blocklist")
  Map<String, Object> deleteList(Principal actor, @RequestParam(name = "list") String list) {
    return Map.of("list", list, "deleted", admin.deleteList(list, actor.getName()));
  }

  @GetMapping("/policies")
  List<FraudAdmin.Policy> policies() {
    return admin.policies();
  }

  /** {@code *} is the network's policy; any other scope is a campaign id. */
  @GetMapping("/policies/{scope}")
  ResponseEntity<FraudAdmin.Policy> policy(@PathVariable String scope) {
    return ResponseEntity.of(admin.policy(scope));
  }

  @PutMapping("/policies/{scope}")
  FraudAdmin.Policy save(
      Principal actor,
      @PathVariable String scope,
      @RequestBody PolicySettings settings,
      @RequestParam(defaultValue = "false") boolean confirm) {
    return admin.save(scope, settings, confirm, actor.getName());
  }

  @DeleteMapping("/policies/{scope}")
  ResponseEntity<Void> deletePolicy(Principal actor, @PathVariable String scope) {
    return admin.deletePolicy(scope, actor.getName())
        ? ResponseEntity.noContent().build()
        : ResponseEntity.notFound().build();
  }

  @GetMapping("/findings")
  List<FraudAdmin.Finding> findings(@RequestParam(defaultValue = "100") int limit) {
    return admin.recentFindings(limit);
  }

  @ExceptionHandler(FraudRefused.class)
  ResponseEntity<Map<String, Object>> refused(FraudRefused r) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", r.getMessage());
    if (!r.lines().isEmpty()) {
      body.put("lines", r.lines());
    }
    if (!r.needsConfirmation().isEmpty()) {
      body.put("needsConfirmation", r.needsConfirmation());
    }
    return ResponseEntity.status(r.status()).body(body);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
  }
}
