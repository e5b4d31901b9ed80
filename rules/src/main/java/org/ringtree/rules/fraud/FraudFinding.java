package org.ringtree.rules.fraud;

/** One defence that fired: which, what it does, and the sentence the trace and audit show. */
public record FraudFinding(FraudCheck check, FraudAction action, String reason) {}
