package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ringtree.editor.admin.UserAdminPort.Field;

/** The users screen marks the field each of the services' refusals is about. */
class ConsoleUserAdminTest {

  @Test
  void eachRefusalOfTheUserAndKeyServicesPointsAtItsField() {
    assertThat(ConsoleUserAdmin.fieldOf("a password needs at least 12 characters"))
        .isEqualTo(Field.PASSWORD);
    assertThat(ConsoleUserAdmin.fieldOf("a publisher user needs publisherId (and no buyerId)"))
        .isEqualTo(Field.PUBLISHER);
    assertThat(ConsoleUserAdmin.fieldOf("a buyer user needs buyerId (and no publisherId)"))
        .isEqualTo(Field.BUYER);
    assertThat(ConsoleUserAdmin.fieldOf("admins cannot demote or disable themselves"))
        .isEqualTo(Field.ROLE);
    assertThat(ConsoleUserAdmin.fieldOf("user dana exists already")).isEqualTo(Field.USERNAME);
    assertThat(ConsoleUserAdmin.fieldOf("username and role are required")).isEqualTo(Field.ROLE);
    assertThat(
            ConsoleUserAdmin.fieldOf("expiresAt must be in the future, was 2020-01-01T00:00:00Z"))
        .isEqualTo(Field.KEY_EXPIRY);
    assertThat(ConsoleUserAdmin.fieldOf("a key's name may have at most 100 characters"))
        .isEqualTo(Field.KEY_NAME);
    assertThat(ConsoleUserAdmin.fieldOf("unknown publisher or buyer")).isEqualTo(Field.NONE);
  }
}
