package org.ringtree.editor.fraud;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fraud screen as /api/fraud serves it. Refusals are thrown as {@link FraudProblem} in the
 * API's words (with the bad lines of a blocklist, or what a change would stop).
 */
public interface FraudPort {

  /** The scope of the network's policy; any other scope is a campaign id. */
  String NETWORK = "*";

  /** A blocklist entry. */
  record Entry(
      long id,
      String kind,
      String value,
      String shown,
      String listName,
      String note,
      String addedBy,
      Instant addedAt) {}

  /**
   * A policy: each check's action by name, the velocity limit, the lowest attestation counted as
   * attested, the message of a message-and-hang-up, the rotating-dialer limit (numbers sharing a
   * prefix from one source in minutes); {@code version} 0 when none is saved.
   */
  record Policy(
      String scope,
      Map<String, String> actions,
      Integer velocityCalls,
      Integer velocityWindowMinutes,
      String minimumAttestation,
      String message,
      Integer rotationNumbers,
      Integer rotationWindowMinutes,
      int version) {}

  /** One finding at the door. */
  record Finding(
      Instant at,
      String callSid,
      String caller,
      String campaignId,
      String publisherId,
      String check,
      String outcome,
      String reason) {}

  /** The checks a policy can switch on, by name. */
  List<String> checks();

  /** The actions a check can take, mildest first. */
  List<String> actions();

  /** The campaigns a policy can be set for: id and name. */
  Map<String, String> campaigns();

  List<Entry> entries(int offset, int limit);

  long countEntries();

  /** Imports a blocklist file; returns how many entries it holds. */
  int importCsv(String text, String listName, boolean confirm);

  void delete(long id);

  Optional<Policy> policy(String scope);

  Policy save(Policy policy, boolean confirm);

  List<Finding> findings(int limit);
}
