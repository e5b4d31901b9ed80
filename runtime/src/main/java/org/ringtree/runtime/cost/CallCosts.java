package org.ringtree.runtime.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.billing.LedgerWriter;
import org.springframework.stereotype.Service;

/**
 * A call's telephony cost from the rates: one {@code COST} row for the inbound leg, one for the
 * answered buyer leg and one for the recording, each priced by the rate version live when the call
 * started and named by it ({@code rate-<id>#inbound}). Minutes are counted as Twilio bills them:
 * every started minute is a whole minute (95 s is 2 min). A row's amount is minutes × rate rounded
 * once to the cent (HALF_EVEN, as every ledger amount); its description keeps the exact product.
 * Booking twice writes nothing twice (idempotency keys {@code <call>:cost-inbound}, {@code
 * :cost-dialled}, {@code :cost-recording}).
 */
@Service
public class CallCosts {

  /** The party id of cost rows: who the network pays for its calls and numbers. */
  public static final String PROVIDER = "twilio";

  /** A call's cost components, as named in keys and rule refs. */
  public enum Component {
    INBOUND("inbound"),
    DIALLED("dialled"),
    RECORDING("recording");

    final String label;

    Component(String label) {
      this.label = label;
    }

    String key(UUID callId) {
      return callId + ":cost-" + label;
    }
  }

  private final CostStore store;
  private final TelephonyRates rates;
  private final LedgerWriter ledger;

  CallCosts(CostStore store, TelephonyRates rates, LedgerWriter ledger) {
    this.store = store;
    this.rates = rates;
    this.ledger = ledger;
  }

  /** A row this call's usage books (or has booked) at its rate. */
  public record Line(
      Component component, int seconds, long minutes, TelephonyRate rate, Money amount) {
    String description() {
      BigDecimal perMinute = perMinute(rate, component);
      return component.label
          + " "
          + seconds
          + " s = "
          + minutes
          + " min × "
          + perMinute.toPlainString()
          + " "
          + rate.currency()
          + "/min = "
          + perMinute.multiply(BigDecimal.valueOf(minutes)).toPlainString();
    }
  }

  /** Whole minutes as Twilio bills them: every started minute counts (0 s: none). */
  public static long billedMinutes(int seconds) {
    return seconds <= 0 ? 0 : (seconds + 59L) / 60;
  }

  /** What the call's usage costs at the rate live when it started; empty without a rate. */
  public List<Line> lines(CostStore.CallUsage call) {
    Optional<TelephonyRate> rate = rates.liveAt(call.campaignId(), call.startedAt());
    List<Line> out = new ArrayList<>();
    if (rate.isEmpty()) {
      return out;
    }
    line(out, Component.INBOUND, call.totalSeconds(), rate.get());
    if (call.connected()) {
      line(out, Component.DIALLED, call.talkSeconds(), rate.get());
    }
    line(out, Component.RECORDING, call.recordingSeconds(), rate.get());
    return out;
  }

  private static void line(List<Line> out, Component c, Integer seconds, TelephonyRate rate) {
    long minutes = billedMinutes(seconds == null ? 0 : seconds);
    if (minutes == 0) {
      return;
    }
    BigDecimal exact = perMinute(rate, c).multiply(BigDecimal.valueOf(minutes));
    out.add(
        new Line(
            c,
            seconds,
            minutes,
            rate,
            new Money(exact.setScale(2, RoundingMode.HALF_EVEN), rate.currency())));
  }

  static BigDecimal perMinute(TelephonyRate rate, Component c) {
    return switch (c) {
      case INBOUND -> rate.inboundPerMinute();
      case DIALLED -> rate.dialledPerMinute();
      case RECORDING -> rate.recordingPerMinute();
    };
  }

  /** Books the call's cost rows not booked yet; returns how many it wrote. */
  public int book(UUID callId) {
    Optional<CostStore.CallUsage> call = store.usage(callId);
    if (call.isEmpty()) {
      return 0;
    }
    int written = 0;
    for (Line l : lines(call.get())) {
      if (store.booked(l.component().key(callId) + ":provider").isPresent()) {
        continue; // the provider's price is booked already: an estimate now would count twice
      }
      if (ledger
          .appendCost(
              new LedgerWriter.CostEntry(
                  callId,
                  PROVIDER,
                  call.get().campaignId(),
                  null,
                  l.amount(),
                  l.rate().ref(l.component().label),
                  l.description(),
                  null,
                  l.component().key(callId)))
          .isPresent()) {
        written++;
      }
    }
    return written;
  }
}
