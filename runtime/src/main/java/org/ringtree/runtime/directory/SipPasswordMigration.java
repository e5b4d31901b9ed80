package org.ringtree.runtime.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, encrypts SIP passwords that an older version stored in the clear (SQL cannot: the
 * key is not in the database). Runs before the demo seeder; a no-op once done.
 */
@Component
@Order(0)
class SipPasswordMigration implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SipPasswordMigration.class);

  private final DirectoryStore directory;

  SipPasswordMigration(DirectoryStore directory) {
    this.directory = directory;
  }

  @Override
  public void run(ApplicationArguments args) {
    int moved = directory.moveSipPasswordsToSecrets();
    if (moved > 0) {
      log.info("Moved the SIP passwords of {} targets into the encrypted secret store", moved);
    }
  }
}
