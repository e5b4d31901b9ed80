package org.ringtree.runtime.directory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
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
 * REST: what a publisher's portal shows of its calls — the caller's number and the buyer's name,
 * both hidden until the operator allows them. Same roles as the rest of the directory (reading:
 * staff; changing: admins and operators).
 */
@RestController
@RequestMapping("/api/directory/publishers/{id}/portal")
class PortalPrivacyController {

  private final DirectoryStore directory;

  PortalPrivacyController(DirectoryStore directory) {
    this.directory = directory;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> get(@PathVariable String id) {
    return directory
        .portalPrivacy(id)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> noSuch(id));
  }

  /** {@code {"showsCallerNumber": true, "showsBuyerNames": false}}; both fields are required. */
  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> put(@PathVariable String id, @RequestBody JsonNode body) {
    JsonNode caller = body == null ? null : body.get("showsCallerNumber");
    JsonNode buyers = body == null ? null : body.get("showsBuyerNames");
    if (caller == null || !caller.isBoolean() || buyers == null || !buyers.isBoolean()) {
      return ResponseEntity.badRequest()
          .body(
              Map.of(
                  "error",
                  "expected {\"showsCallerNumber\": true|false, \"showsBuyerNames\": true|false}"));
    }
    var privacy = new DirectoryStore.PortalPrivacy(caller.booleanValue(), buyers.booleanValue());
    if (!directory.setPortalPrivacy(id, privacy)) {
      return noSuch(id);
    }
    return ResponseEntity.ok(privacy);
  }

  private static ResponseEntity<?> noSuch(String id) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no publisher " + id));
  }
}
