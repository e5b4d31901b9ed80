package org.ringtree.editor.portal;

import java.util.List;

/**
 * The operator's side of the publisher portal: per publisher, whether its portal shows the caller's
 * number and the buyer's name (both hidden until allowed). Staff only; every change is audited.
 */
public interface PortalPrivacyPort {

  record Row(String publisherId, String name, boolean showsCallerNumber, boolean showsBuyerNames) {}

  List<Row> publishers();

  /** Sets both for the publisher, from its next page on; empty result: no such publisher. */
  java.util.Optional<Row> set(
      String publisherId, boolean showsCallerNumber, boolean showsBuyerNames);
}
