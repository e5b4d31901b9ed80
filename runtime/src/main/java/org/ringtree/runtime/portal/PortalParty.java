package org.ringtree.runtime.portal;

import org.ringtree.runtime.security.Account;
import org.ringtree.runtime.security.Role;
import org.ringtree.runtime.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * The party the signed-in portal user stands for, read from its account on every call: the screens
 * pass no party id, so none can be forged from the page or its address.
 */
final class PortalParty {

  private PortalParty() {}

  /** The signed-in user's account, if it has {@code role}; refused otherwise. */
  static Account signedIn(Role role) {
    Account a =
        SignedInUser.current()
            .map(SignedInUser::account)
            .orElseThrow(() -> new AccessDeniedException("the portal is used signed in"));
    if (a.role() != role) {
      throw new AccessDeniedException("this portal is a " + role.name().toLowerCase() + "'s");
    }
    return a;
  }

  static String publisherId() {
    return signedIn(Role.PUBLISHER).publisherId();
  }

  static String buyerId() {
    return signedIn(Role.BUYER).buyerId();
  }

  /**
   * The zone's name as PostgreSQL reads it in {@code AT TIME ZONE}: a region as it is; UTC for "Z".
   * A bare offset is refused, because PostgreSQL reads "+05:00" with the POSIX sign (the other way
   * round) and browsers always name a region.
   */
  static String sqlZone(java.time.ZoneId zone) {
    if (zone instanceof java.time.ZoneOffset offset) {
      if (offset.getTotalSeconds() == 0) {
        return "UTC";
      }
      throw new IllegalArgumentException("a time zone by its region name, not " + zone.getId());
    }
    return zone.getId();
  }
}
