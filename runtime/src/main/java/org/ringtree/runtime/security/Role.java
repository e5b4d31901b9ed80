package org.ringtree.runtime.security;

/**
 * What a user may do. Admins manage users and settings; operators build and publish flows;
 * compliance reviews, approves and reads the audit log; publishers and buyers see only their own
 * calls and money in the portal.
 */
public enum Role {
  ADMIN,
  OPERATOR,
  COMPLIANCE,
  PUBLISHER,
  BUYER;

  /** The Spring Security authority name, e.g. ROLE_ADMIN. */
  public String authority() {
    return "ROLE_" + name();
  }
}
