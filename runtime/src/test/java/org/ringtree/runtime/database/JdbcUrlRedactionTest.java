package org.ringtree.runtime.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JDBC URLs reach the log without the passwords some carry. */
class JdbcUrlRedactionTest {

  @Test
  void passwordsInTheQueryOrUserInfoAreReplaced() {
    assertThat(
            EmbeddedPostgresBootstrap.redacted(
                "jdbc:postgresql://db.example.com:5432/ringtree?user=rt&password=s3cr3t&ssl=true"))
        .isEqualTo("jdbc:postgresql://db.example.com:5432/ringtree?user=rt&password=***&ssl=true");
    assertThat(EmbeddedPostgresBootstrap.redacted("jdbc:postgresql://rt:s3cr3t@db:5432/ringtree"))
        .isEqualTo("jdbc:postgresql://rt:***@db:5432/ringtree");
    assertThat(EmbeddedPostgresBootstrap.redacted("jdbc:postgresql://db:5432/ringtree"))
        .isEqualTo("jdbc:postgresql://db:5432/ringtree");
  }
}
