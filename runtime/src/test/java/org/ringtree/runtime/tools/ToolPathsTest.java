package org.ringtree.runtime.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ringtree.runtime.benchmark.FloorEndpoint;
import org.ringtree.runtime.telephony.WebhookPaths;
import org.ringtree.tools.driver.LoadGenerator;
import org.ringtree.tools.driver.TwilioDriver;

/**
 * The developer tools live outside the platform's jar and cannot see its constants, so they hold
 * the paths a Twilio number is configured with; this keeps them on the paths the platform serves.
 */
class ToolPathsTest {

  @Test
  void theDriverCallsTheWebhooksANumberIsConfiguredWith() {
    assertThat(TwilioDriver.INCOMING_PATH).isEqualTo(WebhookPaths.INCOMING);
    assertThat(TwilioDriver.STATUS_PATH).isEqualTo(WebhookPaths.STATUS);
  }

  @Test
  void theLoadGeneratorComparesWithTheFloorThePlatformServes() {
    assertThat(LoadGenerator.FLOOR_PATH).isEqualTo(FloorEndpoint.PATH);
  }
}
