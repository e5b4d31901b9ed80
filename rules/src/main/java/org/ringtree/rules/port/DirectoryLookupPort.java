package org.ringtree.rules.port;

import java.util.List;
import java.util.Optional;

/**
 * Directory entries for the property form's select lists, searched and paged on the server so that
 * a directory of hundreds of targets stays usable.
 */
public interface DirectoryLookupPort {

  /** What a select list offers. */
  enum RefKind {
    TARGET,
    GROUP,
    CONNECTOR,
    TIMEZONE,
    TRACKING_NUMBER
  }

  /** One entry: its id (what the flow stores), a label for people and a detail line. */
  record Choice(String id, String label, String detail) {}

  /** Entries whose id, label or detail contain {@code text} (case-insensitive), sorted by label. */
  List<Choice> search(RefKind kind, String text, int offset, int limit);

  int count(RefKind kind, String text);

  Optional<Choice> find(RefKind kind, String id);

  /**
   * The targets a route node would consider: the listed targets plus every member of the listed
   * groups, each once; {@code detail} names the buyer and says NUMBER, SIP or RTB.
   */
  List<Choice> targetsOf(List<String> targetIds, List<String> groupIds);
}
