package org.ringtree.rules.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/demo/bidders/one",
        "https://rtb.ringba.com/v1/production/abc123.json?exposeCallerId=yes&CID=%2B1512",
        "https://api.example.com/rtbs.json?key=k&caller_number=%2B15125550100",
        "https://bids.example.com",
        "HTTPS://Bids.Example.com:8443/x?timeout=100&a=%2523"
      })
  void ordinaryBuyerUrlsPass(String url) {
    assertThat(OutboundUrl.problem(url)).isEmpty();
    assertThat(OutboundUrl.require(" " + url + " ", "t")).isEqualTo(url);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://h/bid?httpClientConfigurer=%23class:Probe('/tmp/x') | 'httpClientConfigurer' is an HTTP client option",
        "http://h/bid?httpClientConfigurer=%23class:Probe | 'httpClientConfigurer' is an HTTP client option",
        "http://h/bid?FOLLOWREDIRECTS=true | 'FOLLOWREDIRECTS' is an HTTP client option",
        "http://h/bid?proxyHost=10.0.0.1 | 'proxyHost' is an HTTP client option",
        "http://h/bid?httpClient.redirectsEnabled=true | HTTP client option",
        "http://h/bid?a=%23bean:x | starts with #",
        "http://h/bid#frag | #fragment",
        "http://user:pw@h/bid | user name and password",
        "ftp://h/bid | http:// or https://",
        "file:/etc/passwd | http:// or https://",
        "http:///bid | no valid host",
        "http://h/{{secret}} | not a URL",
        "http://h/bid?x=${env:HOME} | not a URL",
        "http://h/bid?x=RAW(a) | placeholder syntax",
        "'' | empty",
      })
  void whatAnOperatorMustFixIsNamed(String url, String problem) {
    assertThat(OutboundUrl.problem(url)).hasValueSatisfying(p -> assertThat(p).contains(problem));
    assertThatThrownBy(() -> OutboundUrl.require(url, "target t: RTB URL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("target t: RTB URL: ");
  }
}
