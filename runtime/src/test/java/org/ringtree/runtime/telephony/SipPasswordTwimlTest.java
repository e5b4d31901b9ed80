package org.ringtree.runtime.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Target;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The one place a SIP password is read back: the TwiML that dials the target. */
class SipPasswordTwimlTest extends RunningPlatformTest {

  @Autowired DirectoryStore directory;
  @Autowired TwimlReplyRenderer renderer;

  @Test
  void theDialTwimlCarriesThePasswordTheReferenceNamesAndNothingElseDoes() {
    directory.save(
        new Target(
            "sip-twiml",
            "SIP intake",
            "acme-law",
            new Destination.SipUri("sip:intake@pbx.acme.example.com", "ringtree", "s3cr3t-pw"),
            null,
            1,
            1,
            null,
            null,
            null,
            null,
            null,
            true));
    Destination stored =
        directory.snapshot(java.util.Set.of()).target("sip-twiml").orElseThrow().destination();
    String reference = ((Destination.SipUri) stored).password();
    assertThat(reference).startsWith("secret:");

    String twiml =
        renderer.render(
            UUID.randomUUID(),
            3,
            List.of(new CallInstruction.Dial("sip-twiml", stored, 20, null, false)));

    assertThat(twiml)
        .contains("<Sip", "password=\"s3cr3t-pw\"", "username=\"ringtree\"")
        .doesNotContain(reference);
  }
}
