package org.ringtree.integrations.postback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.money.Money;

class PostbackTemplateTest {

  static PostbackValues call(String subId, Map<String, String> tags) {
    return new PostbackValues(
        "conversion",
        "call-123",
        "pub-7",
        "camp-2",
        subId,
        "+15125550111",
        "TX",
        "78701",
        Money.usd("20.00"),
        Duration.ofSeconds(95),
        tags);
  }

  @Test
  void expandsEveryPlaceholder() {
    PostbackTemplate t =
        PostbackTemplate.parse(
            "https://track.example.com/pb/{publisher_id}?e={event}&c={call_id}&camp={campaign_id}"
                + "&s={sub_id}&n={caller_number}&st={caller_state}&z={caller_zip}&p={payout}"
                + "&cur={currency}&d={duration}&kw={tag:keyword}");

    assertThat(t.expand(call("abc", Map.of("keyword", "auto"))))
        .isEqualTo(
            "https://track.example.com/pb/pub-7?e=conversion&c=call-123&camp=camp-2&s=abc"
                + "&n=%2B15125550111&st=TX&z=78701&p=20.00&cur=USD&d=95&kw=auto");
  }

  @Test
  void encodesValuesSoTheyCannotAddParametersOrChangeThePath() {
    PostbackTemplate t = PostbackTemplate.parse("https://t.example.com/{sub_id}?s={sub_id}&x=1");

    String url = t.expand(call("a&admin=1/../#frag ü+", Map.of()));

    assertThat(url)
        .isEqualTo(
            "https://t.example.com/a%26admin%3D1%2F..%2F%23frag%20%C3%BC%2B"
                + "?s=a%26admin%3D1%2F..%2F%23frag%20%C3%BC%2B&x=1");
  }

  @Test
  void missingValuesExpandToNothing() {
    PostbackTemplate t =
        PostbackTemplate.parse("https://t.example.com/?s={sub_id}&k={tag:missing}");

    assertThat(t.expand(call(null, Map.of()))).isEqualTo("https://t.example.com/?s=&k=");
  }

  @Test
  void listsItsPlaceholders() {
    assertThat(
            PostbackTemplate.parse("https://t.example.com/?a={payout}&b={tag:kw}&c={payout}")
                .placeholders())
        .containsExactly("payout", "tag:kw");
  }

  @Test
  void refusesUnknownPlaceholders() {
    assertThatThrownBy(() -> PostbackTemplate.parse("https://t.example.com/?r={revenue}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown placeholder {revenue} in postback URL; use one of [");
  }

  @Test
  void refusesPlaceholdersInTheHostAndNonHttpUrls() {
    assertThatThrownBy(() -> PostbackTemplate.parse("https://{sub_id}.example.com/pb"))
        .hasMessageContaining("host without placeholders");
    assertThatThrownBy(() -> PostbackTemplate.parse("ftp://t.example.com/pb"))
        .hasMessageContaining("http:// or https://");
    assertThatThrownBy(() -> PostbackTemplate.parse("https://t.example.com/pb?x={sub_id"))
        .hasMessageContaining("stray brace");
    assertThatThrownBy(() -> PostbackTemplate.parse("https://t.example.com/pb?x={tag:a b}"))
        .hasMessageContaining("unknown placeholder {tag:a b}");
  }
}
