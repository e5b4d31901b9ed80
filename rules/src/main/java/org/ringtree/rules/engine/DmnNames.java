package org.ringtree.rules.engine;

/** The names the compiler gives its DMN models and decisions (see the compiler's DmnWriter). */
final class DmnNames {
  static final String ROUTING_NS = "https://ringtree.org/dmn/routing";
  static final String ROUTING_NAME = "ringtree-routing";
  static final String ROUTING_DECISION = "Routing policy";
  static final String BILLING_NS = "https://ringtree.org/dmn/billing";
  static final String BILLING_NAME = "ringtree-billing";
  static final String BUYER_DECISION = "Buyer revenue";
  static final String PUBLISHER_DECISION = "Publisher payout";

  private DmnNames() {}
}
