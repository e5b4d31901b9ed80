package org.ringtree.runtime.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Port: what the telephony provider charged for a call's legs and its recording. Twilio's Call and
 * Recording resources carry {@code price} (negative: a charge) and {@code price_unit}, filled in
 * some time after the call ended; empty means "not known (yet)". Without credentials there is
 * nobody to ask ({@link #NONE}) and the rated estimate stands.
 */
public interface ProviderPrices {

  /** A charge as the provider states it: negative for money the account paid, and its currency. */
  record Price(String sid, BigDecimal price, String unit) {}

  /** The price of the call itself (the inbound leg). */
  Optional<Price> call(String callSid);

  /**
   * The prices of the legs the call dialled (its child calls); empty if any of them has no price
   * yet. An empty list: it dialled none.
   */
  Optional<List<Price>> dialledLegs(String callSid);

  /** The price of a recording. */
  Optional<Price> recording(String recordingSid);

  default boolean configured() {
    return true;
  }

  ProviderPrices NONE =
      new ProviderPrices() {
        @Override
        public Optional<Price> call(String callSid) {
          return Optional.empty();
        }

        @Override
        public Optional<List<Price>> dialledLegs(String callSid) {
          return Optional.empty();
        }

        @Override
        public Optional<Price> recording(String recordingSid) {
          return Optional.empty();
        }

        @Override
        public boolean configured() {
          return false;
        }
      };
}
