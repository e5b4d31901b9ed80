package org.ringtree.runtime.security;

import org.ringtree.runtime.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole application on a random port with the demo network and demo users, over its own fresh
 * database (a context separate from RunningPlatformTest's, so changing settings or live versions
 * here never disturbs the call-path tests). Tests speak to it over real HTTP as a given user.
 */
// the property only keeps this context apart from other tests' RANDOM_PORT contexts
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ringtree.test.context=secured-app")
public abstract class SecuredAppTest extends PostgresTest {

  public static final String ADMIN = "admin";
  public static final String OPERATOR = "operator";
  public static final String COMPLIANCE = "compliance";
  public static final String PUBLISHER = "publisher";
  public static final String BUYER = "buyer";

  @LocalServerPort protected int port;

  /** Requests signed in as a demo user, with its documented demo password. */
  protected Api as(String demoUser) {
    String password =
        DemoUsers.ALL.stream()
            .filter(u -> u.username().equals(demoUser))
            .findFirst()
            .orElseThrow()
            .password();
    return as(demoUser, password);
  }

  protected Api as(String username, String password) {
    return new Api("http://127.0.0.1:" + port, username, password);
  }

  /** Requests with an API key, as {@code Authorization: Bearer}. */
  protected Api withKey(String key) {
    return Api.withBearerKey("http://127.0.0.1:" + port, key);
  }

  protected Api anonymous() {
    return new Api("http://127.0.0.1:" + port, null, null);
  }
}
