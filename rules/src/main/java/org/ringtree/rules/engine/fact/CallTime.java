package org.ringtree.rules.engine.fact;

import java.time.Instant;

/** When the call arrived. */
public record CallTime(Instant instant) {}
