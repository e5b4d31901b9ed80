package org.ringtree.editor.postbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostbacksPresenterTest {

  private final List<PostbacksPort.Settings> sent = new ArrayList<>();

  private PostbacksPort.Settings platform(PostbacksPort.Settings s) {
    sent.add(s);
    if (s.urlTemplate().contains("{nope}")) {
      // the platform's parser and its words
      throw new PostbackProblem(
          "unknown placeholder {nope} in postback URL; use one of [call_id, event] or {tag:NAME}");
    }
    return new PostbacksPort.Settings(
        s.publisherId(), s.urlTemplate().strip(), s.onEveryCall(), s.enabled());
  }

  @Test
  void savesTheTemplateAsTypedAndShowsWhatThePlatformStored() {
    PostbacksPresenter.Outcome<PostbacksPort.Settings> outcome =
        PostbacksPresenter.save(
            this::platform, "blue", "  https://t.example/pb?c={call_id}&x=${7*7} ", true, true);
    assertThat(outcome.ok()).isTrue();
    // nothing in the template is evaluated on the way: the platform gets the very text
    assertThat(sent)
        .singleElement()
        .extracting(PostbacksPort.Settings::urlTemplate)
        .isEqualTo("  https://t.example/pb?c={call_id}&x=${7*7} ");
    assertThat(outcome.value().urlTemplate())
        .isEqualTo("https://t.example/pb?c={call_id}&x=${7*7}");
    assertThat(outcome.value().onEveryCall()).isTrue();
  }

  @Test
  void aTemplateThePlatformRefusesShowsItsReason() {
    PostbacksPresenter.Outcome<PostbacksPort.Settings> outcome =
        PostbacksPresenter.save(this::platform, "blue", "https://t.example/{nope}", false, true);
    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.problem()).startsWith("unknown placeholder {nope} in postback URL");
  }

  @Test
  void noPublisherOrNoTemplateIsRefusedWithoutAskingThePlatform() {
    assertThat(PostbacksPresenter.save(this::platform, null, "https://t/", false, true).problem())
        .isEqualTo("choose a publisher first");
    assertThat(PostbacksPresenter.save(this::platform, "blue", "  ", false, true).problem())
        .isEqualTo("need urlTemplate");
    assertThat(sent).isEmpty();
  }

  @Test
  void saysWhichEventsSendThePostback() {
    assertThat(PostbacksPresenter.events(false, true)).contains("converts").doesNotContain("any");
    assertThat(PostbacksPresenter.events(true, true)).contains("converts", "any call ends");
    assertThat(PostbacksPresenter.events(true, false)).startsWith("Off");
  }

  @Test
  void onlyDeadLettersAreRetried() {
    List<UUID> retried = new ArrayList<>();
    PostbacksPort.Delivery dead = delivery(PostbacksPort.State.DEAD);
    PostbacksPresenter.Outcome<PostbacksPort.Delivery> ok =
        PostbacksPresenter.retry(
            d -> {
              retried.add(d.id());
              return new PostbacksPort.Delivery(
                  d.id(),
                  d.callId(),
                  d.publisherId(),
                  d.event(),
                  d.url(),
                  PostbacksPort.State.SENDING,
                  d.attempts(),
                  d.lastError(),
                  d.createdAt(),
                  Instant.now());
            },
            dead);
    assertThat(ok.value().state()).isEqualTo(PostbacksPort.State.SENDING);
    assertThat(retried).containsExactly(dead.id());

    PostbacksPresenter.Outcome<PostbacksPort.Delivery> refused =
        PostbacksPresenter.retry(
            d -> {
              throw new AssertionError("a delivered postback is not sent again");
            },
            delivery(PostbacksPort.State.DELIVERED));
    assertThat(refused.problem())
        .isEqualTo("only dead letters can be retried; this one is DELIVERED");
  }

  @Test
  void aRetryThePlatformRefusesShowsItsReason() {
    PostbacksPresenter.Outcome<PostbacksPort.Delivery> refused =
        PostbacksPresenter.retry(
            d -> {
              throw new PostbackProblem("only dead letters can be retried; this one is SENDING");
            },
            delivery(PostbacksPort.State.DEAD));
    assertThat(refused.problem()).endsWith("this one is SENDING");
  }

  @Test
  void describesEachAttemptByItsAnswer() {
    assertThat(
            PostbacksPresenter.attemptResult(
                new PostbacksPort.Attempt(1, Instant.now(), 500, 8, false, "HTTP 500", "oops")))
        .isEqualTo("HTTP 500 in 8 ms");
    assertThat(
            PostbacksPresenter.attemptResult(
                new PostbacksPort.Attempt(
                    2, Instant.now(), null, 2000, false, "Connection refused", null)))
        .isEqualTo("no answer: Connection refused");
  }

  @Test
  void aTestConversionSucceedsOnlyOnTwoHundredsAndShowsTheEndpointsError() {
    assertThat(PostbacksPresenter.testResult(200, "{\"converted\":false}").ok()).isTrue();
    PostbacksPresenter.Outcome<String> badKey =
        PostbacksPresenter.testResult(403, "{\"error\":\"bad buyer postback key\"}");
    assertThat(badKey.ok()).isFalse();
    assertThat(badKey.problem())
        .isEqualTo("Test conversion refused (HTTP 403): bad buyer postback key");
    assertThat(PostbacksPresenter.testResult(0, "TypeError: Failed to fetch").problem())
        .isEqualTo("The request did not reach the endpoint: TypeError: Failed to fetch");
    assertThat(PostbacksPresenter.testResult(502, "").problem())
        .isEqualTo("Test conversion refused (HTTP 502)");
  }

  private static PostbacksPort.Delivery delivery(PostbacksPort.State state) {
    return new PostbacksPort.Delivery(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "blue",
        "conversion",
        "https://t.example/pb",
        state,
        2,
        "HTTP 500",
        Instant.now(),
        Instant.now());
  }
}
