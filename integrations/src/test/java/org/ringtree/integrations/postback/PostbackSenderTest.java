package org.ringtree.integrations.postback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.testing.LoopbackServer;
import org.ringtree.integrations.testing.LoopbackServer.Reply;

class PostbackSenderTest {

  private static final PostbackRetryPolicy FAST =
      new PostbackRetryPolicy(
          4, Duration.ofMillis(50), 2.0, Duration.ofSeconds(1), Duration.ofMillis(500));

  private final List<PostbackAttempt> attempts = new CopyOnWriteArrayList<>();
  private final List<PostbackDeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  private DefaultCamelContext camel;
  private PostbackSender sender;
  private LoopbackServer server;

  @BeforeEach
  void start() {
    camel = new DefaultCamelContext();
    sender =
        new PostbackSender(
            camel,
            FAST,
            new PostbackListener() {
              @Override
              public void attempted(PostbackAttempt attempt) {
                attempts.add(attempt);
              }

              @Override
              public void deadLettered(PostbackDeadLetter deadLetter) {
                deadLetters.add(deadLetter);
              }
            });
    camel.start();
  }

  @AfterEach
  void stop() {
    sender.close();
    camel.stop();
    if (server != null) {
      server.close();
    }
  }

  private PostbackOutcome send(String url) throws Exception {
    return sender.send(new Postback("pb-1", url)).get(5, TimeUnit.SECONDS);
  }

  @Test
  void retriesWithBackoffUntilDelivered() throws Exception {
    server =
        LoopbackServer.start((n, r) -> n < 2 ? new Reply(503, "busy", 0) : new Reply(200, "ok", 0));
    String url =
        PostbackTemplate.parse(server.url("/pb?sub={sub_id}&p={payout}&kw={tag:kw}"))
            .expand(PostbackTemplateTest.call("a&b c", Map.of("kw", "x/y+z")));

    PostbackOutcome outcome = send(url);

    assertThat(outcome.delivered()).isTrue();
    assertThat(outcome.attempts()).isEqualTo(3);
    assertThat(attempts)
        .extracting(
            PostbackAttempt::attempt, PostbackAttempt::httpStatus, PostbackAttempt::delivered)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 503, false),
            org.assertj.core.groups.Tuple.tuple(2, 503, false),
            org.assertj.core.groups.Tuple.tuple(3, 200, true));
    assertThat(attempts.get(0).error()).isEqualTo("HTTP 503");
    assertThat(attempts.get(2).error()).isNull();
    assertThat(attempts).allSatisfy(a -> assertThat(a.postbackId()).isEqualTo("pb-1"));
    assertThat(deadLetters).isEmpty();
    // Exponential backoff: 50 ms, then 100 ms.
    Duration firstGap = Duration.between(attempts.get(0).at(), attempts.get(1).at());
    Duration secondGap = Duration.between(attempts.get(1).at(), attempts.get(2).at());
    assertThat(firstGap).isGreaterThanOrEqualTo(Duration.ofMillis(45));
    assertThat(secondGap).isGreaterThanOrEqualTo(Duration.ofMillis(95));
    // The server saw the encoded values exactly as expanded, every time.
    assertThat(server.requests())
        .extracting(LoopbackServer.Request::uri)
        .containsOnly("/pb?sub=a%26b%20c&p=20.00&kw=x%2Fy%2Bz");
    assertThat(server.requests()).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
  }

  @Test
  void deadLettersAfterTheLastAttempt() throws Exception {
    server = LoopbackServer.always(new Reply(500, "nope", 0));

    PostbackOutcome outcome = send(server.url("/pb?c=1"));

    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.attempts()).isEqualTo(4);
    assertThat(outcome.lastError()).isEqualTo("HTTP 500");
    assertThat(attempts).hasSize(4).noneMatch(PostbackAttempt::delivered);
    assertThat(deadLetters).hasSize(1);
    assertThat(deadLetters.get(0).postbackId()).isEqualTo("pb-1");
    assertThat(deadLetters.get(0).attempts()).isEqualTo(4);
    assertThat(deadLetters.get(0).lastError()).isEqualTo("HTTP 500");
    assertThat(server.requests()).hasSize(4);
  }

  @Test
  void unreachableReceiverIsRetriedThenDeadLettered() throws Exception {
    LoopbackServer gone = LoopbackServer.always(new Reply(200, "", 0));
    String url = gone.url("/pb");
    gone.close();

    PostbackOutcome outcome = send(url);

    assertThat(outcome.delivered()).isFalse();
    assertThat(attempts).hasSize(4).allSatisfy(a -> assertThat(a.httpStatus()).isNull());
    assertThat(attempts.get(0).error()).containsIgnoringCase("refused");
    assertThat(deadLetters).hasSize(1);
  }

  @Test
  void aTimeoutIsAFailedAttempt() throws Exception {
    server =
        LoopbackServer.start((n, r) -> n == 0 ? new Reply(200, "", 2000) : new Reply(204, null, 0));

    PostbackOutcome outcome = send(server.url("/pb"));

    assertThat(outcome.delivered()).isTrue();
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).error()).containsIgnoringCase("timed out");
    assertThat(attempts.get(1).httpStatus()).isEqualTo(204);
  }

  @Test
  void aMalformedUrlIsDeadLetteredAtOnce() throws Exception {
    PostbackOutcome outcome = send("mailto:someone@example.com");

    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.lastError()).startsWith("not an http(s) postback URL");
    assertThat(deadLetters).hasSize(1);
  }
}
