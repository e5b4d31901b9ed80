package org.ringtree.rules.engine.fact;

/** Live usage against a cap, as counted by the runtime (the kind the cap counts). */
public record UsageFact(String scope, String ownerId, String period, long count) {}
