package org.ringtree.runtime.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The page a browser lands on after signing in with the form: who it is signed in as. */
@RestController
class AccountController {

  @GetMapping("/account")
  Account account(@AuthenticationPrincipal SignedInUser user) {
    return user.account();
  }
}
