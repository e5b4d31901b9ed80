package org.ringtree.runtime.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.config.InvalidConfigurationException;
import org.ringtree.runtime.config.RingtreeProperties;

class TelephonyConfigurationTest {

  @Test
  void aTelnyxKeyThatIsNotOneStopsStartUpNamingTheSetting() {
    assertThatThrownBy(() -> TelephonyConfiguration.telnyx(props("bm90IGEga2V5")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("ringtree.telnyx.public-key")
        .hasMessageContaining("32 bytes");
  }

  @Test
  void withoutATelnyxKeyTelnyxWebhooksHaveNoCheckToPass() {
    assertThat(TelephonyConfiguration.telnyx(props(""))).isNull();
  }

  private static RingtreeProperties props(String telnyxKey) {
    return new RingtreeProperties(
        URI.create("http://localhost:8080"),
        new RingtreeProperties.Twilio("", "token"),
        new RingtreeProperties.Telnyx(telnyxKey),
        new RingtreeProperties.Demo(true),
        "data");
  }
}
