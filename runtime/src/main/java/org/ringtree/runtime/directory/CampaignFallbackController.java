package org.ringtree.runtime.directory;

import java.security.Principal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: a campaign's caller fallback ({@code {"kind": "NUMBER", "number": "+1…", "message": "…"}});
 * staff read it, admins and operators set it (the directory's rules).
 */
@RestController
@RequestMapping("/api/directory/campaigns/{campaignId}/fallback")
class CampaignFallbackController {

  private final CampaignFallbacks fallbacks;
  private final DirectoryStore directory;

  CampaignFallbackController(CampaignFallbacks fallbacks, DirectoryStore directory) {
    this.fallbacks = fallbacks;
    this.directory = directory;
  }

  /** The campaign's own fallback, or the network default it uses ({@code "default": true}). */
  @GetMapping
  Map<String, Object> get(@PathVariable String campaignId) {
    return fallbacks
        .stored(campaignId)
        .<Map<String, Object>>map(f -> Map.of("fallback", f, "default", false))
        .orElse(Map.of("fallback", fallbacks.networkDefault(), "default", true));
  }

  @PutMapping
  ResponseEntity<CampaignFallbacks.Fallback> put(
      Principal actor,
      @PathVariable String campaignId,
      @RequestBody CampaignFallbacks.Fallback body) {
    if (directory.snapshot(java.util.Set.of()).campaign(campaignId).isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok(fallbacks.save(campaignId, body, actor.getName()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> bad(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(Exception e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return ResponseEntity.badRequest()
        .body(
            Map.of(
                "error",
                root instanceof IllegalArgumentException
                    ? root.getMessage()
                    : "expected {\"kind\": \"NUMBER|VOICEMAIL|MESSAGE|HANGUP\", \"number\":"
                        + " \"+1…\", \"message\": \"…\"}"));
  }
}
