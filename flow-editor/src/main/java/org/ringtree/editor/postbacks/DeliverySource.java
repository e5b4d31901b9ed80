package org.ringtree.editor.postbacks;

import java.util.List;
import java.util.UUID;

/**
 * The postbacks a delivery log may show: all of them for staff, a publisher's own in its portal.
 */
public interface DeliverySource {

  /** One page, newest first; {@code state} null for all. */
  List<PostbacksPort.Delivery> page(PostbacksPort.State state, int offset, int limit);

  int count(PostbacksPort.State state);

  /** A postback this source shows, as it stands now. */
  java.util.Optional<PostbacksPort.Delivery> get(UUID postbackId);

  /** The attempts of a postback this source shows; none for any other. */
  List<PostbacksPort.Attempt> attempts(UUID postbackId);
}
