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
 * A call's telephony cost from the rates: one {@code COST} row for the inbound leg, one for each
 * dialled buyer leg that Twilio bills (an answered one: a leg that rang out busy, unanswered or
 * failed has no duration and costs nothing) and one for the recording, each priced by the rate
 * version live when the call started and named by it ({@code rate-<id>#inbound}). Minutes are
 * counted as Twilio bills them, per leg: every started minute is a whole minute (95 s is 2 min). A
 * row's amount is minutes × rate rounded once to the cent (HALF_EVEN, as every ledger amount); its
 * description keeps the exact product. Booking twice writes nothing twice (idempotency keys {@code
 * <call>:cost-inbound}, {@code :cost-dialled} for the first billed leg, {@code :cost-dialled-2}…
 * for further ones, {@code :cost-recording}).
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

  /**
   * A row this call's usage books (or has booked) at its rate; {@code leg} names the dialled leg
   * ({@code DialCallSid}) where known, {@code key} is its idempotency key.
   */
  public record Line(
      Component component,
      int seconds,
      long minutes,
      TelephonyRate rate,
      Money amount,
      String leg,
      String key) {
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
          + perMinute.multiply(BigDecimal.valueOf(minutes)).toPlainString()
          + (leg == null ? "" : " (leg " + leg + ")");
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
    UUID id = call.id();
    line(out, Component.INBOUND, call.totalSeconds(), rate.get(), null, Component.INBOUND.key(id));
    List<CostStore.Leg> billed =
        call.dialled().stream().filter(l -> billedMinutes(l.seconds()) > 0).toList();
    if (!billed.isEmpty()) {
      for (int i = 0; i < billed.size(); i++) {
        CostStore.Leg leg = billed.get(i);
        String key = Component.DIALLED.key(id) + (i == 0 ? "" : "-" + (i + 1));
        line(out, Component.DIALLED, leg.seconds(), rate.get(), leg.sid(), key);
      }
    } else if (call.connected() && call.dialled().isEmpty()) {
      // no dial webhook kept (a call recorded without one): the answered leg's talk time
      line(out, Component.DIALLED, call.talkSeconds(), rate.get(), null, Component.DIALLED.key(id));
    }
    line(
        out,
        Component.RECORDING,
        call.recordingSeconds(),
        rate.get(),
        null,
        Component.RECORDING.key(id));
    return out;
  }

  private static void line(
      List<Line> out, Component c, Integer seconds, TelephonyRate rate, String leg, String key) {
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
            new Money(exact.setScale(2, RoundingMode.HALF_EVEN), rate.currency()),
            leg,
            key));
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
                  l.key()))
          .isPresent()) {
        written++;
      }
    }
    return written;
  }
}
