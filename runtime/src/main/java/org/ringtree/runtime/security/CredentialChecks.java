package org.ringtree.runtime.security;

import java.util.Arrays;
import java.util.List;
import org.ringtree.runtime.config.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At start-up, after the schema is migrated: creates the first admin from RINGTREE_ADMIN_PASSWORD
 * when no admin exists, and, under the prod profile, refuses to start — one line and the fix, like
 * the other start-up checks — while any demo user still has its published demo password.
 */
@Component
class CredentialChecks implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(CredentialChecks.class);

  private final UserAccounts accounts;
  private final SecuritySettings settings;
  private final Environment environment;

  CredentialChecks(UserAccounts accounts, SecuritySettings settings, Environment environment) {
    this.accounts = accounts;
    this.settings = settings;
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    boolean production = Arrays.asList(environment.getActiveProfiles()).contains("prod");
    String adminPassword = settings.adminPassword();
    if (production && isDemoPassword(adminPassword)) {
      throw new InvalidConfigurationException(
          "The prod profile is running with a demo password as ringtree.security.admin-password",
          "Set RINGTREE_ADMIN_PASSWORD to a password of your own, or unset it.");
    }
    if (!adminPassword.isBlank() && !accounts.anyAdmin()) {
      accounts.create(
          new UserAccounts.UserForm("admin", Role.ADMIN, null, null, adminPassword), "start-up");
      log.info("Created the first admin user 'admin' from ringtree.security.admin-password");
    }
    if (!production) {
      return;
    }
    List<String> stillDemo =
        DemoUsers.ALL.stream()
            .filter(
                u ->
                    accounts.find(u.username()).map(Account::enabled).orElse(false)
                        && accounts.hasPassword(u.username(), u.password()))
            .map(DemoUsers.DemoUser::username)
            .toList();
    if (!stillDemo.isEmpty()) {
      throw new InvalidConfigurationException(
          "The prod profile is running while demo users still have their demo passwords: "
              + String.join(", ", stillDemo),
          "Change each password (PUT /api/users/{username}/password) or disable the user, then"
              + " start again.");
    }
  }

  private static boolean isDemoPassword(String password) {
    return DemoUsers.ALL.stream().anyMatch(u -> u.password().equals(password));
  }
}
