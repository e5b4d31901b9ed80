package org.ringtree.runtime.supply;

/**
 * The request and answer shape a publisher pings in: Ringtree's own (the same answer shape Ringtree
 * reads from its buyers, {@code RINGTREE} in docs/rtb.md) or Ringba's publisher RTB shape.
 */
public enum BidShape {
  RINGTREE,
  RINGBA
}
