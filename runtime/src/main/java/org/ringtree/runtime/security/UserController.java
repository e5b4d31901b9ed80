package org.ringtree.runtime.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: users and roles (admin only), and each user's own account and password. */
@RestController
@RequestMapping("/api/users")
class UserController {

  private final UserAccounts accounts;

  UserController(UserAccounts accounts) {
    this.accounts = accounts;
  }

  /** Body of a create or update; {@code enabled} and {@code password} are optional on update. */
  record UserRequest(
      String username,
      Role role,
      String publisherId,
      String buyerId,
      Boolean enabled,
      String password) {}

  record PasswordChange(String currentPassword, String newPassword) {}

  record NewPassword(String password) {}

  @GetMapping("/me")
  Account me(@AuthenticationPrincipal SignedInUser user) {
    return user.account();
  }

  @PutMapping("/me/password")
  ResponseEntity<Void> changeOwnPassword(
      @AuthenticationPrincipal SignedInUser user, @RequestBody PasswordChange change) {
    if (change.currentPassword() == null
        || !accounts.hasPassword(user.getUsername(), change.currentPassword())) {
      throw new UserAccounts.UserRejectedException("the current password is wrong");
    }
    accounts.setPassword(user.getUsername(), change.newPassword(), user.getUsername());
    return ResponseEntity.noContent().build();
  }

  @GetMapping
  List<Account> list() {
    return accounts.list();
  }

  @GetMapping("/{username}")
  ResponseEntity<Account> one(@PathVariable String username) {
    return ResponseEntity.of(accounts.find(username));
  }

  @PostMapping
  ResponseEntity<Account> create(
      @AuthenticationPrincipal SignedInUser admin, @RequestBody UserRequest body) {
    Account created =
        accounts.create(
            new UserAccounts.UserForm(
                body.username(), body.role(), body.publisherId(), body.buyerId(), body.password()),
            admin.getUsername());
    return ResponseEntity.created(URI.create("/api/users/" + created.username())).body(created);
  }

  @PutMapping("/{username}")
  Account update(
      @AuthenticationPrincipal SignedInUser admin,
      @PathVariable String username,
      @RequestBody UserRequest body) {
    return accounts.update(
        username,
        new UserAccounts.UserForm(
            username, body.role(), body.publisherId(), body.buyerId(), body.password()),
        body.enabled(),
        admin.getUsername());
  }

  @PutMapping("/{username}/password")
  ResponseEntity<Void> setPassword(
      @AuthenticationPrincipal SignedInUser admin,
      @PathVariable String username,
      @RequestBody NewPassword body) {
    accounts.setPassword(username, body.password(), admin.getUsername());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{username}/unlock")
  Account unlock(@AuthenticationPrincipal SignedInUser admin, @PathVariable String username) {
    return accounts.unlock(username, admin.getUsername());
  }

  @ExceptionHandler(UserAccounts.UserRejectedException.class)
  ResponseEntity<Map<String, String>> rejected(UserAccounts.UserRejectedException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(UsernameNotFoundException.class)
  ResponseEntity<Map<String, String>> unknown(UsernameNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such user"));
  }
}
