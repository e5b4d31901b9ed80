package org.ringtree.runtime.quality;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for publisher quality (docs/fraud.md): staff read the open flags and the newest run; admins
 * and operators run the tests, acknowledge or dismiss a flag, pause and resume a publisher's
 * numbers and set the alert URL (roles per path in SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/quality")
class QualityController {

  private final QualityMonitor monitor;
  private final PublisherPauses pauses;
  private final QualityAlerts alerts;

  QualityController(QualityMonitor monitor, PublisherPauses pauses, QualityAlerts alerts) {
    this.monitor = monitor;
    this.pauses = pauses;
    this.alerts = alerts;
  }

  /** The open flags with the newest run (its window and score bands) and the pauses in force. */
  record Flags(QualityRun run, List<StoredFlag> flags, List<QualityFlagStore.Pause> pauses) {}

  record Reason(String reason) {}

  record AlertUrl(String url) {}

  record Paused(String publisherId, int numbers) {}

  @PostMapping("/runs")
  ResponseEntity<QualityRun> run(
      Principal actor, @RequestBody(required = false) QualityMonitor.Request request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(monitor.run(request, actor.getName()));
  }

  @GetMapping("/flags")
  Flags flags() {
    return new Flags(monitor.latestRun().orElse(null), monitor.openFlags(), pauses.activePauses());
  }

  @PostMapping("/flags/{id}/acknowledge")
  StoredFlag acknowledge(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Reason body) {
    return monitor.decide(id, StoredFlag.State.ACKNOWLEDGED, reason(body), actor.getName());
  }

  @PostMapping("/flags/{id}/dismiss")
  StoredFlag dismiss(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Reason body) {
    return monitor.decide(id, StoredFlag.State.DISMISSED, reason(body), actor.getName());
  }

  @PostMapping("/publishers/{id}/pause")
  Paused pause(Principal actor, @PathVariable String id) {
    return new Paused(id, pauses.pause(id, actor.getName()).numbers().size());
  }

  @PostMapping("/publishers/{id}/resume")
  Paused resume(Principal actor, @PathVariable String id) {
    return new Paused(id, pauses.resume(id, actor.getName()));
  }

  @GetMapping("/alert")
  AlertUrl alert() {
    return new AlertUrl(alerts.url());
  }

  @PutMapping("/alert")
  AlertUrl saveAlert(Principal actor, @RequestBody AlertUrl body) {
    return new AlertUrl(alerts.saveUrl(body == null ? "" : body.url(), actor.getName()));
  }

  private static String reason(Reason body) {
    return body == null || body.reason() == null ? "" : body.reason();
  }

  @ExceptionHandler(QualityRefused.class)
  ResponseEntity<Map<String, Object>> refused(QualityRefused r) {
    return ResponseEntity.status(r.status()).body(Map.of("error", String.valueOf(r.getMessage())));
  }
}
