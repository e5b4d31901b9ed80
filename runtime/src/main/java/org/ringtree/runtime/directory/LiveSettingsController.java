package org.ringtree.runtime.directory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.ringtree.rules.directory.LiveSettings;
import org.ringtree.rules.directory.SettingScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: the settings of targets and buyers that reach the next call without a flow version —
 * pausing and resuming (here) and caps (saved with the target or buyer) — and which fields are live
 * and which versioned, for forms and scripts. Same roles as the rest of the directory.
 */
@RestController
@RequestMapping("/api/directory")
class LiveSettingsController {

  private final DirectoryStore directory;
  private final LiveDirectory live;

  LiveSettingsController(DirectoryStore directory, LiveDirectory live) {
    this.directory = directory;
    this.live = live;
  }

  /** The live values now in force, and each field's scope with the reason. */
  @GetMapping(path = "/live-settings", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> settings() {
    LiveSettings now = live.current();
    return Map.of(
        "targets", new TreeMap<>(now.targets()),
        "buyers", new TreeMap<>(now.buyers()),
        "fields", SettingScope.FIELDS);
  }

  /** {@code {"active": false}} pauses the target for the next call; {@code true} resumes it. */
  @PutMapping(path = "/targets/{id}/active", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> target(@PathVariable String id, @RequestBody JsonNode body) {
    Boolean active = active(body);
    if (active == null) {
      return missingActive();
    }
    if (!directory.setTargetActive(id, active)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no target " + id));
    }
    return ResponseEntity.ok(Map.of("id", id, "active", active));
  }

  /** {@code {"active": false}} pauses every target of the buyer for the next call. */
  @PutMapping(path = "/buyers/{id}/active", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> buyer(@PathVariable String id, @RequestBody JsonNode body) {
    Boolean active = active(body);
    if (active == null) {
      return missingActive();
    }
    if (!directory.setBuyerActive(id, active)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no buyer " + id));
    }
    return ResponseEntity.ok(Map.of("id", id, "active", active));
  }

  private static Boolean active(JsonNode body) {
    JsonNode a = body == null ? null : body.get("active");
    return a != null && a.isBoolean() ? a.booleanValue() : null;
  }

  private static ResponseEntity<Map<String, Object>> missingActive() {
    return ResponseEntity.badRequest()
        .body(Map.of("error", "active: expected true (takes calls) or false (paused)"));
  }
}
