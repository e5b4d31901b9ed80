package org.ringtree.rules.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BidDestinationsTest {

  private static Destination phone(String e164) {
    return new Destination.PhoneNumber(e164);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+15125550111", "+12125550100", "+14165550100", "+17875550100"})
  void byDefaultUsAndCanadianNumbersMayBeDialled(String number) {
    assertThat(BidDestinations.DEFAULT.problem(phone(number))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "+19005550100, premium-rate",
    "+18765550100, another country inside +1",
    "+14735550100, another country inside +1",
    "+18095550100, another country inside +1",
    "+442071234567, outside North America",
    "+8821234567890, outside North America"
  })
  void byDefaultTollFraudDestinationsAreRefused(String number, String why) {
    assertThat(BidDestinations.DEFAULT.problem(phone(number)))
        .hasValueSatisfying(p -> assertThat(p).contains(why));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"sip:intake@buyer.example.com", "sip:+15125550100@evil.example.net;transport=tls"})
  void byDefaultNoSipAddressFromABid(String uri) {
    assertThat(BidDestinations.DEFAULT.problem(new Destination.SipUri(uri, null, null)))
        .hasValueSatisfying(p -> assertThat(p).contains("not among the buyer's allowed"));
  }

  @org.junit.jupiter.api.Test
  void aListNarrowsOrWidensWhatMayBeDialled() {
    BidDestinations listed =
        new BidDestinations(List.of("+1512", "+44"), List.of("buyer.example.com"));

    assertThat(listed.problem(phone("+15125550111"))).isEmpty();
    assertThat(listed.problem(phone("+442071234567"))).isEmpty();
    assertThat(listed.problem(phone("+12125550100"))).isPresent();
    assertThat(listed.problem(new Destination.SipUri("sip:a@pbx.buyer.example.com", null, null)))
        .isEmpty();
    assertThat(
            listed.problem(new Destination.SipUri("sip:a@buyer.example.com.evil.net", null, null)))
        .isPresent();
    assertThat(new BidDestinations(List.of("+1"), List.of()).problem(phone("+19005550100")))
        .hasValueSatisfying(p -> assertThat(p).contains("premium-rate"));
    assertThat(new BidDestinations(List.of("+1900555"), List.of()).problem(phone("+19005550100")))
        .isEmpty();
  }

  @org.junit.jupiter.api.Test
  void badEntriesAreRefusedWhenSaved() {
    assertThatThrownBy(() -> new BidDestinations(List.of("512"), List.of()))
        .hasMessageContaining("+ and digits");
    assertThatThrownBy(() -> new BidDestinations(List.of(), List.of("sip:x@y")))
        .hasMessageContaining("not a SIP domain");
  }
}
