package org.ringtree.runtime.telephony;

/** A webhook whose fields are missing, malformed or out of range: answered with 400. */
class BadWebhookException extends RuntimeException {

  BadWebhookException(String message) {
    super(message, null, false, false);
  }
}
