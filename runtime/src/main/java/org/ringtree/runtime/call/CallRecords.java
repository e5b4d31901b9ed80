package org.ringtree.runtime.call;

import java.util.Optional;

/**
 * Port: the telephony provider's own record of a call, asked when its status callback never came.
 * The Twilio adapter asks Twilio's REST API when an account SID and auth token are configured;
 * without them there is nobody to ask ({@link #NONE}).
 */
public interface CallRecords {

  /** What the provider knows of a call: its status and, once it ended, its duration. */
  record ProviderCall(String status, boolean ended, Integer durationSeconds) {}

  /** The provider's record of the call; empty if there is none or the provider cannot be asked. */
  Optional<ProviderCall> fetch(String callSid);

  /** Whether a provider is configured to ask at all. */
  default boolean configured() {
    return true;
  }

  CallRecords NONE =
      new CallRecords() {
        @Override
        public Optional<ProviderCall> fetch(String callSid) {
          return Optional.empty();
        }

        @Override
        public boolean configured() {
          return false;
        }
      };
}
