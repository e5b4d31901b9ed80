package org.ringtree.editor.live;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The port the live view reads: the calls in progress across every runtime node, and each change of
 * them as it happens. The runtime implements it over PostgreSQL LISTEN/NOTIFY.
 */
public interface LiveCallsFeed {

  /** Where a call in progress is. */
  enum Phase {
    IVR("In the IVR"),
    ROUTING("Being routed"),
    RINGING("Ringing a buyer"),
    // the buyer leg's answered event came: caller and buyer talk
    CONNECTED("Connected to a buyer");

    private final String label;

    Phase(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The phase from what the call record holds: its status and what it waits for. */
    public static Phase of(String status, String waiting) {
      if ("connected".equals(status)) {
        return CONNECTED;
      }
      if ("ringing-buyer".equals(status)) {
        return RINGING;
      }
      if ("ROUTE".equals(waiting) || "CONNECTOR".equals(waiting)) {
        return ROUTING;
      }
      return IVR;
    }
  }

  /**
   * One call in progress. {@code target} is the target ringing or talking, if any; {@code
   * answeredAt} when its leg answered (connected), else null.
   */
  record LiveCall(
      String callId,
      String callSid,
      String caller,
      String campaign,
      String publisher,
      Phase phase,
      String node,
      String target,
      Instant startedAt,
      Instant answeredAt) {}

  /** A buyer's or target's calls ringing or talking now, against its concurrency cap (or none). */
  record Load(String kind, String id, String name, int current, Integer cap) {
    public boolean full() {
      return cap != null && current >= cap;
    }
  }

  /** Everything the view shows, as of {@code at}. */
  record Board(List<LiveCall> calls, List<Load> loads, Instant at) {}

  /**
   * Tells {@code listener} every new board from now on (on a thread that is not the UI's) and
   * returns the current one.
   */
  Board watch(Consumer<Board> listener);

  /** Stops telling {@code listener}. */
  void unwatch(Consumer<Board> listener);
}
