package org.ringtree.runtime.score;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for the score model versions (docs/score.md): staff read them; an admin trains, promotes and
 * rolls back; another admin or a compliance officer approves or rejects a promotion while approval
 * is required (roles per path in SecurityConfiguration, four eyes in {@link ScoreModels}).
 */
@RestController
@RequestMapping("/api/score/models")
class ScoreModelsController {

  private final ScoreModels models;
  private final ScoreTraining training;

  ScoreModelsController(ScoreModels models, ScoreTraining training) {
    this.models = models;
    this.training = training;
  }

  record Listing(boolean approvalRequired, ModelVersion promoted, List<ModelVersion> versions) {}

  record Reason(String reason) {}

  @GetMapping
  Listing list() {
    return new Listing(
        models.approvalRequired(), models.promoted().orElse(null), models.versions());
  }

  @GetMapping("/{id}")
  ResponseEntity<ModelVersion> version(@PathVariable long id) {
    return ResponseEntity.of(models.version(id));
  }

  /** Trains a candidate from the calls scored in the range; 201 with its figures. */
  @PostMapping("/train")
  ResponseEntity<ModelVersion> train(Principal actor, @RequestBody ScoreTraining.Request request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(training.train(request, actor.getName()));
  }

  /** 200 with the promoted model, or 202 with the request while approval is required. */
  @PostMapping("/{id}/promote")
  ResponseEntity<ScoreModels.Outcome> promote(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Reason body) {
    ScoreModels.Outcome o = models.promote(id, reason(body), actor.getName());
    return ResponseEntity.status(o.promoted() != null ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .body(o);
  }

  @PostMapping("/rollback")
  ScoreModels.Outcome rollback(Principal actor, @RequestBody(required = false) Reason body) {
    return models.rollback(reason(body), actor.getName());
  }

  @GetMapping("/promotions")
  List<ModelPromotion> promotions() {
    return models.promotions();
  }

  @PostMapping("/promotions/{id}/approve")
  ScoreModels.Outcome approve(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Reason body) {
    return models.approve(id, reason(body), actor.getName());
  }

  @PostMapping("/promotions/{id}/reject")
  ModelPromotion reject(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Reason body) {
    return models.reject(id, reason(body), actor.getName());
  }

  private static String reason(Reason body) {
    return body == null || body.reason() == null ? "" : body.reason().strip();
  }

  @ExceptionHandler(ScoreModelsRefused.class)
  ResponseEntity<Map<String, Object>> refused(ScoreModelsRefused r) {
    return ResponseEntity.status(r.status()).body(Map.of("error", String.valueOf(r.getMessage())));
  }
}
