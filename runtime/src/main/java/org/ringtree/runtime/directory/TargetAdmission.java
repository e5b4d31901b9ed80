package org.ringtree.runtime.directory;

import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.OutboundUrl;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.routing.RtbRequestTemplate;
import org.ringtree.runtime.secrets.SecretStore;
import org.springframework.stereotype.Component;

/**
 * What a target must pass, and what it becomes, before {@link DirectoryStore} stores it: a usable
 * RTB request and duplicate rule, and no SIP password in plain text.
 */
@Component
class TargetAdmission {

  private final SecretStore secrets;

  TargetAdmission(SecretStore secrets) {
    this.secrets = secrets;
  }

  /**
   * The target as it is stored.
   *
   * @throws IllegalArgumentException when an RTB target's URL is not one Ringtree calls out to
   *     ({@link OutboundUrl}), its request template is unusable ({@link RtbRequestTemplate}), its
   *     duplicate rule has a problem, or it names a secret that is not stored
   */
  Target admitted(Target t) {
    if (t.destination() instanceof Destination.RtbEndpoint rtb) {
      // the URL (for a TEMPLATE, the URL it renders), method, body and headers
      RtbRequestTemplate.require(
          rtb,
          "target "
              + t.id()
              + (rtb.format() == Destination.BidResponseFormat.TEMPLATE
                  ? ": RTB request"
                  : ": RTB URL"));
    }
    if (t.duplicateRule() != null && t.duplicateRule().problem().isPresent()) {
      throw new IllegalArgumentException(
          "target " + t.id() + ": " + t.duplicateRule().problem().get());
    }
    return withSecretReference(t);
  }

  /** The {@code targets.kind} column. */
  static String kind(Destination d) {
    if (d instanceof Destination.PhoneNumber) {
      return "NUMBER";
    }
    return d instanceof Destination.SipUri ? "SIP" : "RTB";
  }

  /** The {@code targets.destination} column: the number, SIP URI or RTB URL called. */
  static String address(Destination d) {
    if (d instanceof Destination.PhoneNumber p) {
      return p.e164();
    }
    if (d instanceof Destination.SipUri s) {
      return s.uri();
    }
    return ((Destination.RtbEndpoint) d).url();
  }

  /** Whether the target still carries a SIP password in plain text (saved before V53). */
  static boolean hasPlainSipPassword(Target t) {
    return t.destination() instanceof Destination.SipUri sip
        && sip.password() != null
        && !sip.password().isEmpty()
        && !SecretStore.isReference(sip.password());
  }

  /**
   * A SIP password is write-only: a new one is encrypted into the secret store and the target keeps
   * only its reference (what GET, the audit log and flow versions then show); a reference sent back
   * unchanged (a GET, edited, PUT again) keeps the stored password.
   */
  private Target withSecretReference(Target t) {
    if (!(t.destination() instanceof Destination.SipUri sip)
        || sip.password() == null
        || sip.password().isEmpty()) {
      return t;
    }
    String reference;
    if (SecretStore.isReference(sip.password())) {
      if (!secrets.exists(sip.password())) {
        throw new IllegalArgumentException(
            "target " + t.id() + ": no stored secret " + sip.password() + " (send the password)");
      }
      reference = sip.password();
    } else {
      reference = secrets.put(sip.password(), "target " + t.id());
    }
    return t.toBuilder()
        .destination(new Destination.SipUri(sip.uri(), sip.username(), reference))
        .build();
  }
}
