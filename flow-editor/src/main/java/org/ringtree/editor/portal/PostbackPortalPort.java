package org.ringtree.editor.portal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.editor.postbacks.PostbacksPort;

/**
 * Postbacks of the signed-in publisher or buyer. Every method works on the party the user's portal
 * link names (the platform reads it from the sign-in, never from the screen); a publisher's methods
 * refuse a buyer and the other way round, with {@link
 * org.ringtree.editor.postbacks.PostbackProblem}.
 */
public interface PostbackPortalPort {

  /** Who is signed in, as far as postbacks go. */
  enum Party {
    PUBLISHER,
    BUYER
  }

  /** The signed-in party and its id (from the user's link). */
  record Me(Party party, String partyId) {}

  Me me();

  /** The placeholders a URL template may use. */
  List<String> placeholders();

  /** The publisher's own settings. */
  Optional<PostbacksPort.Settings> settings();

  /** Saves the publisher's own settings after the platform's checks; audited. */
  PostbacksPort.Settings save(String urlTemplate, boolean onEveryCall, boolean enabled);

  /** The publisher's own postbacks, newest first. */
  List<PostbacksPort.Delivery> page(PostbacksPort.State state, int offset, int limit);

  int count(PostbacksPort.State state);

  /** One of the publisher's own postbacks; empty for anyone else's. */
  Optional<PostbacksPort.Delivery> delivery(UUID postbackId);

  /** The attempts of one of the publisher's own postbacks; empty for anyone else's. */
  List<PostbacksPort.Attempt> attempts(UUID postbackId);

  /** The buyer's own conversion postback URL. */
  String conversionUrl();

  /** Issues (or replaces) the buyer's own key; shown once. */
  String issueKey();
}
