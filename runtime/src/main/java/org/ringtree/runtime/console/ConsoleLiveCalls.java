package org.ringtree.runtime.console;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.ringtree.editor.live.LiveCallsFeed;
import org.ringtree.runtime.call.LiveCallStore;
import org.ringtree.runtime.live.LiveCalls;
import org.springframework.stereotype.Component;

/** The live view's port over {@link LiveCalls}: the same snapshot, in the view's words. */
@Component
class ConsoleLiveCalls implements LiveCallsFeed {

  private final LiveCalls live;
  private final Map<Consumer<Board>, Consumer<LiveCalls.Snapshot>> watching =
      new ConcurrentHashMap<>();

  ConsoleLiveCalls(LiveCalls live) {
    this.live = live;
  }

  @Override
  public Board watch(Consumer<Board> listener) {
    Consumer<LiveCalls.Snapshot> bridge = s -> listener.accept(board(s));
    watching.put(listener, bridge);
    return board(live.watch(bridge));
  }

  @Override
  public void unwatch(Consumer<Board> listener) {
    Consumer<LiveCalls.Snapshot> bridge = watching.remove(listener);
    if (bridge != null) {
      live.unwatch(bridge);
    }
  }

  static Board board(LiveCalls.Snapshot s) {
    return new Board(
        s.calls().stream().map(ConsoleLiveCalls::call).toList(),
        s.loads().stream()
            .map(l -> new Load(l.kind(), l.id(), l.name(), l.current(), l.cap()))
            .toList(),
        s.at());
  }

  private static LiveCall call(LiveCallStore.LiveCallRow r) {
    return new LiveCall(
        r.id().toString(),
        r.callSid(),
        r.callerNumber(),
        r.campaignName() == null ? String.valueOf(r.campaignId()) : r.campaignName(),
        r.publisherName() == null ? String.valueOf(r.publisherId()) : r.publisherName(),
        Phase.of(r.status(), r.waiting()),
        r.nodeId() == null ? "" : r.nodeId(),
        r.ringingTargetName(),
        r.startedAt(),
        "connected".equals(r.status()) ? r.answeredAt() : null);
  }
}
