package org.ringtree.editor.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserAdminTest {

  /** A platform that refuses short passwords the way UserAccounts does, and records calls. */
  static final class FakePort implements UserAdminPort {
    final List<String> calls = new ArrayList<>();
    Instant keyExpiry;

    @Override
    public List<UserRow> users() {
      return List.of();
    }

    @Override
    public List<Party> publishers() {
      return List.of(new Party("sunrise-media", "Sunrise Media"));
    }

    @Override
    public List<Party> buyers() {
      return List.of();
    }

    @Override
    public UserRow create(UserDraft draft, String actor) {
      calls.add("create " + draft + " by " + actor);
      if (draft.password() == null || draft.password().length() < 12) {
        throw new Refused(Field.PASSWORD, "a password needs at least 12 characters");
      }
      return row(draft.username(), draft.role());
    }

    @Override
    public UserRow change(UserDraft draft, String actor) {
      throw new Refused(Field.ROLE, "admins cannot demote or disable themselves");
    }

    @Override
    public UserRow setEnabled(String username, boolean enabled, String actor) {
      calls.add((enabled ? "enable " : "disable ") + username + " by " + actor);
      return row(username, "OPERATOR");
    }

    @Override
    public UserRow unlock(String username, String actor) {
      calls.add("unlock " + username + " by " + actor);
      return row(username, "OPERATOR");
    }

    @Override
    public void resetPassword(String username, String password, String actor) {
      calls.add("password " + username + " by " + actor);
    }

    @Override
    public List<KeyRow> keys(String username) {
      return List.of();
    }

    @Override
    public IssuedKey createKey(String username, String name, Instant expiresAt, String actor) {
      keyExpiry = expiresAt;
      calls.add("key " + name + " for " + username + " by " + actor);
      return new IssuedKey(
          new KeyRow("abc", name, Instant.EPOCH, actor, expiresAt, null, null, null), "rt_abc_s");
    }

    @Override
    public KeyRow revokeKey(String username, String keyId, String actor) {
      throw new Refused(Field.NONE, "no such key " + keyId);
    }

    static UserRow row(String username, String role) {
      return new UserRow(username, role, null, null, true, List.of(), Instant.EPOCH);
    }
  }

  final FakePort port = new FakePort();
  final UserAdmin admin = new UserAdmin(port, "ann");

  @Test
  void aDraftKeepsOnlyTheLinkItsRoleUsesAndTreatsBlanksAsAbsent() {
    assertThat(UserAdmin.draft(" pat ", "PUBLISHER", "sunrise-media", "acme", "pw"))
        .isEqualTo(new UserAdminPort.UserDraft("pat", "PUBLISHER", "sunrise-media", null, "pw"));
    assertThat(UserAdmin.draft("olga", "OPERATOR", "sunrise-media", "acme", ""))
        .isEqualTo(new UserAdminPort.UserDraft("olga", "OPERATOR", null, null, null));
    assertThat(UserAdmin.draft("", null, null, null, null).username()).isNull();
  }

  @Test
  void aRefusalNamesTheFieldToMarkWithThePlatformsSentence() {
    UserAdmin.Outcome<UserAdminPort.UserRow> outcome =
        admin.create(UserAdmin.draft("olga", "OPERATOR", null, null, "short"));

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.field()).isEqualTo(UserAdminPort.Field.PASSWORD);
    assertThat(outcome.problem()).isEqualTo("a password needs at least 12 characters");
  }

  @Test
  void changesAreMadeInTheSignedInAdminsName() {
    assertThat(admin.create(UserAdmin.draft("olga", "OPERATOR", null, null, "long-enough-pw")).ok())
        .isTrue();
    admin.setEnabled("olga", false);
    admin.unlock("olga");
    admin.resetPassword("olga", "another-long-pw");

    assertThat(port.calls)
        .containsExactly(
            "create UserDraft[username=olga, role=OPERATOR, publisherId=null, buyerId=null,"
                + " password=long-enough-pw] by ann",
            "disable olga by ann",
            "unlock olga by ann",
            "password olga by ann");
  }

  @Test
  void onlyTheOwnerIsOfferedANewKeyAndOthersAreToldWhy() {
    assertThat(admin.whyNoNewKey("ann")).isEmpty();
    assertThat(admin.whyNoNewKey("olga"))
        .hasValueSatisfying(
            why -> assertThat(why).startsWith("An API key is created by its owner"));
  }

  @Test
  void aKeyExpiringOnADayWorksThroughThatWholeDayInTheAdminsZone() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    UserAdmin.Outcome<UserAdminPort.IssuedKey> outcome =
        admin.createKey("ann", "  ", LocalDate.of(2027, 1, 31), berlin);

    assertThat(outcome.value().secret()).isEqualTo("rt_abc_s");
    assertThat(port.keyExpiry).isEqualTo(Instant.parse("2027-01-31T23:00:00Z"));
    assertThat(port.calls).containsExactly("key null for ann by ann");
    assertThat(admin.createKey("ann", "x", null, berlin).ok()).isTrue();
    assertThat(port.keyExpiry).isNull();
  }

  @Test
  void aFailedRevokeIsReportedNotThrown() {
    UserAdmin.Outcome<UserAdminPort.KeyRow> outcome = admin.revokeKey("olga", "zzz");
    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.problem()).isEqualTo("no such key zzz");
  }
}
