package org.ringtree.runtime.security;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: API keys. Each signed-in user creates, lists and revokes their own under {@code
 * /api/users/me/api-keys} (the secret is shown once); admins list and revoke anybody's under {@code
 * /api/users/{username}/api-keys}. A key is created only by its owner, signed in with their
 * password: an admin who could mint a key for another user could act as them, and so approve their
 * own flow as a second person; a stolen key cannot mint a longer-lived one.
 */
@RestController
class ApiKeyController {

  static final String MINE = "/api/users/me/api-keys";
  static final String ANYONES = "/api/users/{username}/api-keys";

  private final ApiKeyStore keys;

  ApiKeyController(ApiKeyStore keys) {
    this.keys = keys;
  }

  /** {@code expiresAt}: an ISO instant ({@code 2027-01-01T00:00:00Z}); absent: until revoked. */
  record NewKey(String name, Instant expiresAt) {}

  /** The one response that carries the secret; {@code key} is what clients send as Bearer. */
  record CreatedKey(ApiKeyStore.ApiKey apiKey, String key) {}

  @PostMapping(MINE)
  ResponseEntity<CreatedKey> createMine(
      Authentication owner, @RequestBody(required = false) NewKey body) {
    if (owner instanceof ApiKeyAuthentication) {
      throw new NotTheOwner(
          "an API key cannot create API keys: sign in with your password to create one");
    }
    ApiKeyStore.IssuedKey issued =
        keys.create(
            owner.getName(),
            body == null ? null : body.name(),
            body == null ? null : body.expiresAt(),
            owner.getName());
    return ResponseEntity.created(URI.create(MINE + "/" + issued.key().id()))
        .body(new CreatedKey(issued.key(), issued.secret()));
  }

  @GetMapping(MINE)
  List<ApiKeyStore.ApiKey> listMine(Principal owner) {
    return keys.list(owner.getName());
  }

  /** Revokes one of your own keys; it answers 401 from the next request on. */
  @DeleteMapping(MINE + "/{id}")
  ResponseEntity<ApiKeyStore.ApiKey> revokeMine(Principal owner, @PathVariable String id) {
    return ResponseEntity.of(keys.revoke(owner.getName(), id, owner.getName()));
  }

  /** Refused for anyone but yourself: keys are created by their owner ({@link #MINE}). */
  @PostMapping(ANYONES)
  ResponseEntity<CreatedKey> create(
      Authentication admin,
      @PathVariable String username,
      @RequestBody(required = false) NewKey body) {
    if (!username.equals(admin.getName())) {
      keys.list(username); // 404 for a user who does not exist, as before
      throw new NotTheOwner(
          "an API key is created by its owner: "
              + username
              + " signs in and uses POST "
              + MINE
              + " (an admin who could create one could act as "
              + username
              + ")");
    }
    return createMine(admin, body);
  }

  @GetMapping(ANYONES)
  List<ApiKeyStore.ApiKey> list(@PathVariable String username) {
    return keys.list(username);
  }

  /** Revokes the key; it answers 401 from the next request on. */
  @DeleteMapping(ANYONES + "/{id}")
  ResponseEntity<ApiKeyStore.ApiKey> revoke(
      Principal admin, @PathVariable String username, @PathVariable String id) {
    return ResponseEntity.of(keys.revoke(username, id, admin.getName()));
  }

  /** A key asked for by someone who may not create it. */
  static class NotTheOwner extends RuntimeException {
    NotTheOwner(String message) {
      super(message);
    }
  }

  @ExceptionHandler(NotTheOwner.class)
  ResponseEntity<Map<String, String>> notTheOwner(NotTheOwner e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
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
