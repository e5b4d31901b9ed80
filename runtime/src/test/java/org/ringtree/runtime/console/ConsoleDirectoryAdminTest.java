package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.directory.DirectoryAdminPort;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.directory.DirectoryAdminPort.Outcome;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Publisher;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The network screens' port over the seeded demo network: same checks, audit and words as REST. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConsoleDirectoryAdminTest extends PostgresTest {

  @Autowired DirectoryAdminPort port;
  @Autowired JdbcClient jdbc;

  private static void signIn(String user, String role) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                user, "n/a", List.of(new SimpleGrantedAuthority("ROLE_" + role))));
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void anOperatorsSaveIsAuditedUnderTheirNameAndOpensWithItsVersion() {
    signIn("olive", "OPERATOR");

    Outcome outcome = port.save(Kind.PUBLISHER, Stored.fresh(new Publisher("dawn", "Dawn Media")));

    assertThat(outcome).isInstanceOf(Outcome.Saved.class);
    Stored stored = port.find(Kind.PUBLISHER, "dawn").orElseThrow();
    assertThat(stored.entry()).isEqualTo(new Publisher("dawn", "Dawn Media"));
    assertThat(stored.version()).isEqualTo(((Outcome.Saved) outcome).version());
    assertThat(
            jdbc.sql("SELECT actor || ' ' || action FROM audit_log WHERE object_id = 'dawn'")
                .query(String.class)
                .list())
        .containsExactly("olive directory.publisher.create");
  }

  @Test
  void aDanglingReferenceIsExplainedOnItsField() {
    signIn("olive", "OPERATOR");

    Outcome outcome =
        port.save(
            Kind.TRACKING_NUMBER,
            Stored.fresh(new TrackingNumber("+18885550190", "no-such-campaign", "dawn", Map.of())));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            r -> {
              assertThat(r.field()).isEqualTo("campaignId");
              assertThat(r.message())
                  .startsWith("refused: Key (campaign_id)=(no-such-campaign) is not present")
                  .contains("there is no campaign no-such-campaign");
            });
  }

  @Test
  void anRtbUrlTheApiRefusesIsRefusedOnTheUrlFieldWithTheSameWords() {
    signIn("olive", "OPERATOR");
    String buyer = port.page(Kind.BUYER, DirectoryAdminPort.Query.all(), 0, 1).get(0).id();
    Target t =
        new Target(
            "bad-rtb",
            "Bad",
            buyer,
            new Destination.RtbEndpoint(
                "http://127.0.0.1:8080/?bridgeEndpoint=true",
                500,
                Destination.BidResponseFormat.RINGTREE,
                null),
            null,
            1,
            1,
            null,
            null,
            null,
            null,
            null,
            true);

    Outcome outcome = port.save(Kind.TARGET, Stored.fresh(t));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            r -> {
              assertThat(r.field()).isEqualTo("rtbUrl");
              assertThat(r.message()).startsWith("target bad-rtb: RTB URL: ");
            });
  }

  @Test
  void twoOperatorsEditingTheSameEntryCannotOverwriteEachOther() {
    signIn("olive", "OPERATOR");
    port.save(Kind.PUBLISHER, Stored.fresh(new Publisher("shared", "Shared")));
    Stored opened = port.find(Kind.PUBLISHER, "shared").orElseThrow();

    Outcome first =
        port.save(
            Kind.PUBLISHER,
            new Stored(new Publisher("shared", "Olive's"), opened.version(), null, true));
    Outcome second =
        port.save(
            Kind.PUBLISHER,
            new Stored(new Publisher("shared", "Sam's"), opened.version(), null, true));

    assertThat(first).isInstanceOf(Outcome.Saved.class);
    assertThat(second)
        .isInstanceOfSatisfying(
            Outcome.Conflict.class, c -> assertThat(c.message()).contains("reload it"));
    assertThat(port.find(Kind.PUBLISHER, "shared").orElseThrow().entry())
        .isEqualTo(new Publisher("shared", "Olive's"));
  }

  @Test
  void aNumberSavedOutOfServiceIsListedSo() {
    signIn("olive", "OPERATOR");
    String campaign = port.page(Kind.CAMPAIGN, DirectoryAdminPort.Query.all(), 0, 1).get(0).id();
    port.save(Kind.PUBLISHER, Stored.fresh(new Publisher("quiet", "Quiet")));

    Outcome outcome =
        port.save(
            Kind.TRACKING_NUMBER,
            new Stored(
                new TrackingNumber("+18885550191", campaign, "quiet", Map.of("channel", "tv")),
                0,
                null,
                false));

    assertThat(outcome).isInstanceOf(Outcome.Saved.class);
    Stored stored = port.find(Kind.TRACKING_NUMBER, "+18885550191").orElseThrow();
    assertThat(stored.inService()).isFalse();
    assertThat(stored.version()).isEqualTo(((Outcome.Saved) outcome).version());
    assertThat(
            port.page(
                Kind.TRACKING_NUMBER,
                new DirectoryAdminPort.Query("+18885550191", null, false, null),
                0,
                5))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.cells())
                    .containsEntry("inService", "f")
                    .containsEntry("publisher", "Quiet"));
  }

  @Test
  void pausingABuyerInItsFormIsTheLiveSettingWithTheRestApisAuditEntries() {
    signIn("olive", "OPERATOR");
    port.save(Kind.BUYER, Stored.fresh(new Buyer("dusk", "Dusk Legal", null)));
    Stored opened = port.find(Kind.BUYER, "dusk").orElseThrow();
    assertThat(opened.inService()).isTrue();

    Outcome paused =
        port.save(Kind.BUYER, new Stored(opened.entry(), opened.version(), null, false));

    assertThat(paused).isInstanceOf(Outcome.Saved.class);
    Stored pausedNow = port.find(Kind.BUYER, "dusk").orElseThrow();
    assertThat(pausedNow.inService()).isFalse();
    // the form's next save expects the version the pause left
    assertThat(pausedNow.version()).isEqualTo(((Outcome.Saved) paused).version());
    assertThat(port.page(Kind.BUYER, new DirectoryAdminPort.Query("dusk", null, false, null), 0, 5))
        .singleElement()
        .satisfies(r -> assertThat(r.cells().get("active")).isIn("f", "false"));

    Outcome resumed =
        port.save(Kind.BUYER, new Stored(opened.entry(), pausedNow.version(), null, true));

    assertThat(resumed).isInstanceOf(Outcome.Saved.class);
    assertThat(port.find(Kind.BUYER, "dusk").orElseThrow().inService()).isTrue();
    assertThat(
            jdbc.sql(
                    "SELECT actor || ' ' || action FROM audit_log WHERE object_id = 'dusk' ORDER"
                        + " BY id")
                .query(String.class)
                .list())
        .containsExactly(
            "olive directory.buyer.create",
            "olive directory.buyer.pause",
            "olive directory.buyer.resume");
  }

  @Test
  void compliancePublishersAndBuyersCannotUseThePort() {
    signIn("cora", "COMPLIANCE");
    assertThatThrownBy(() -> port.page(Kind.TARGET, DirectoryAdminPort.Query.all(), 0, 5))
        .isInstanceOf(AccessDeniedException.class);
    signIn("pete", "PUBLISHER");
    assertThatThrownBy(() -> port.save(Kind.PUBLISHER, Stored.fresh(new Publisher("x", "x"))))
        .isInstanceOf(AccessDeniedException.class);
    SecurityContextHolder.clearContext();
    assertThatThrownBy(() -> port.find(Kind.BUYER, "x")).isInstanceOf(AccessDeniedException.class);
  }
}
