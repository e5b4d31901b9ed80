package org.ringtree.runtime.security;

import java.util.List;
import org.ringtree.runtime.config.RingtreeProperties;
import org.ringtree.runtime.directory.DirectoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One user per role for the demo (ringtree.demo.seed), after the demo network exists so the portal
 * users can be linked to Sunrise Media and Bidder One. The passwords are public — they are in
 * docs/compliance.md — and the prod profile refuses to start while any of them still works.
 */
@Component
@Order(20)
class DemoUsers implements ApplicationRunner {

  /** A demo user and its documented, demo-only password. */
  record DemoUser(
      String username, Role role, String password, String publisherId, String buyerId) {}

  static final List<DemoUser> ALL =
      List.of(
          new DemoUser("admin", Role.ADMIN, "ringtree-admin-demo", null, null),
          new DemoUser("operator", Role.OPERATOR, "ringtree-operator-demo", null, null),
          new DemoUser("compliance", Role.COMPLIANCE, "ringtree-compliance-demo", null, null),
          new DemoUser(
              "publisher", Role.PUBLISHER, "ringtree-publisher-demo", "sunrise-media", null),
          new DemoUser("buyer", Role.BUYER, "ringtree-buyer-demo", null, "bidder-one"));

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final RingtreeProperties properties;
  private final UserAccounts accounts;
  private final DirectoryStore directory;

  DemoUsers(RingtreeProperties properties, UserAccounts accounts, DirectoryStore directory) {
    this.properties = properties;
    this.accounts = accounts;
    this.directory = directory;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.demo().seed()) {
      return;
    }
    int created = 0;
    for (DemoUser u : ALL) {
      if (accounts.find(u.username()).isPresent() || !partyExists(u)) {
        continue;
      }
      try {
        accounts.create(
            new UserAccounts.UserForm(
                u.username(), u.role(), u.publisherId(), u.buyerId(), u.password()),
            "demo-seed");
        created++;
      } catch (UserAccounts.UserRejectedException raced) {
        // another node seeded the same user first
      }
    }
    if (created > 0) {
      log.info(
          "Seeded {} demo users (admin, operator, compliance, publisher, buyer) with the demo-only"
              + " passwords of docs/compliance.md",
          created);
    }
  }

  private boolean partyExists(DemoUser u) {
    if (u.publisherId() != null) {
      return directory.publisherExists(u.publisherId());
    }
    if (u.buyerId() != null) {
      return directory.buyerExists(u.buyerId());
    }
    return true;
  }
}
