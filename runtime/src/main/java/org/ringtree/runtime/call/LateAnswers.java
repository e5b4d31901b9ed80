package org.ringtree.runtime.call;

import java.util.Locale;
import java.util.Map;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.runtime.routing.LateAnswerArrived;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Keeps a buyer's answer that came after its auction closed in the call's trace, as a {@code ping}
 * line with the outcome LATE_ANSWER, its latency and bid: the auction's bid history (highest bid,
 * slowest answer) is read from these lines, so it learns even from the targets it did not wait for.
 */
@Component
class LateAnswers {

  private static final Logger log = LoggerFactory.getLogger(LateAnswers.class);

  /** The call's own steps append to its trace at the same time; a clash on seq is tried again. */
  private static final int ATTEMPTS = 3;

  private final RoutingTraceStore traces;

  LateAnswers(RoutingTraceStore traces) {
    this.traces = traces;
  }

  @EventListener
  void record(LateAnswerArrived late) {
    if (!late.answered()) {
      return;
    }
    TraceEntry line = line(late);
    for (int attempt = 1; ; attempt++) {
      try {
        if (!traces.appendTraceIfCall(late.callId(), java.util.List.of(line))) {
          // a supply-side bid's auction (no call yet): its trace is the bid's, already stored
          log.debug(
              "late answer of {} for {}, not a call: not traced", line.targetId(), late.callId());
        }
        return;
      } catch (DuplicateKeyException clash) {
        if (attempt == ATTEMPTS) {
          log.warn("late answer of {} not traced for call {}", line.targetId(), late.callId());
          return;
        }
      } catch (RuntimeException e) {
        // the call may be gone (a test's clean-up, a purge): the answer is not worth an error
        log.warn("late answer of {} not traced for call {}", line.targetId(), late.callId(), e);
        return;
      }
    }
  }

  static TraceEntry line(LateAnswerArrived late) {
    PingResult a = late.answer();
    long millis = a.latency() == null ? 0 : a.latency().toMillis();
    return new TraceEntry(
        late.nodeId(),
        a.targetId(),
        TraceKind.PING,
        TraceOutcome.LATE_ANSWER,
        "late answer after "
            + millis
            + " ms, the auction had closed: "
            + a.status().name().toLowerCase(Locale.ROOT)
            + (a.reason() == null ? "" : " (" + a.reason() + ")"),
        a.bid().map(b -> b.amount().amount()).orElse(null),
        (int) millis,
        a.httpStatus(),
        Map.of("status", a.status().name()));
  }
}
