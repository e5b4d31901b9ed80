package org.ringtree.runtime.security;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST (admin only): a user's API keys — create (the secret is shown once), list, revoke. */
@RestController
@RequestMapping("/api/users/{username}/api-keys")
class ApiKeyController {

  private final ApiKeys keys;

  ApiKeyController(ApiKeys keys) {
    this.keys = keys;
  }

  /** {@code expiresAt}: an ISO instant ({@code 2027-01-01T00:00:00Z}); absent: until revoked. */
  record NewKey(String name, Instant expiresAt) {}

  /** The one response that carries the secret; {@code key} is what clients send as Bearer. */
  record CreatedKey(ApiKeys.ApiKey apiKey, String key) {}

  @PostMapping
  ResponseEntity<CreatedKey> create(
      Principal admin, @PathVariable String username, @RequestBody(required = false) NewKey body) {
    ApiKeys.IssuedKey issued =
        keys.create(
            username,
            body == null ? null : body.name(),
            body == null ? null : body.expiresAt(),
            admin.getName());
    return ResponseEntity.created(
            URI.create("/api/users/" + issued.key().username() + "/api-keys/" + issued.key().id()))
        .body(new CreatedKey(issued.key(), issued.secret()));
  }

  @GetMapping
  List<ApiKeys.ApiKey> list(@PathVariable String username) {
    return keys.list(username);
  }

  /** Revokes the key; it answers 401 from the next request on. */
  @DeleteMapping("/{id}")
  ResponseEntity<ApiKeys.ApiKey> revoke(
      Principal admin, @PathVariable String username, @PathVariable String id) {
    return ResponseEntity.of(keys.revoke(username, id, admin.getName()));
  }

  @ExceptionHandler(UserAccounts.UserRejectedException.class)
  ResponseEntity<Map<String, String>> rejected(UserAccounts.UserRejectedException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(
            Map.of(
                "error",
                "expected {\"name\": \"…\", \"expiresAt\": \"2027-03-31T23:59:59Z\"} (both"
                    + " optional; expiresAt an ISO instant in UTC)"));
  }

  @ExceptionHandler(UsernameNotFoundException.class)
  ResponseEntity<Map<String, String>> unknown(UsernameNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such user"));
  }
}
