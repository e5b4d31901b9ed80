/**
 * Synthetic pay-per-call traffic with known ground truth: good callers and the documented fraud
 * patterns (call farms holding just past the billable threshold, repeat callers, dialers rotating
 * their last digits, spoofed caller ids, unattested calls, geo laundering, short-call clusters)
 * mixed at set rates, deterministic by seed. Each call carries its routing-time facts and features,
 * its outcome and the pattern that produced it; tests and benchmarks use it.
 */
package org.ringtree.rules.score.traffic;
