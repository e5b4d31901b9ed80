package org.ringtree.rules.simulator;

import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.money.Money;

/**
 * How a simulated RTB buyer answers a ping: accept with an amount and a destination, or decline;
 * after {@code latencyMillis} (past the target's timeout or the deadline it counts as a timeout);
 * the bid expires {@code expiresInSeconds} after the call arrived (null: never).
 */
public record ScriptedBid(
    boolean accept,
    Money amount,
    Destination destination,
    Long expiresInSeconds,
    long latencyMillis) {

  public static ScriptedBid accept(String usd, String e164) {
    return new ScriptedBid(true, Money.usd(usd), new Destination.PhoneNumber(e164), 60L, 20);
  }

  public static ScriptedBid decline() {
    return new ScriptedBid(false, null, null, null, 20);
  }
}
