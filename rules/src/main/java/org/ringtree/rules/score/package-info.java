/**
 * The call-quality score (0–100) known before a call is routed: the features known at routing time
 * and their encoding, a documented rule-based prior for networks without enough labelled calls, and
 * a learned logistic regression (trained with Tribuo) with its quality figures, its promotion
 * verdict and a versioned byte format. Every score carries its top reasons in points. Pure Java; no
 * I/O.
 */
package org.ringtree.rules.score;
