package org.ringtree.runtime.call;

/** A webhook named a CallSid we never saw an incoming webhook for. */
public class UnknownCallException extends RuntimeException {

  public UnknownCallException(String callSid) {
    super("no call with CallSid " + callSid);
  }
}
