package org.ringtree.rules.engine.fact;

import java.time.Instant;

/** When the call arrived, and the caller's IANA time zone (null when unknown). */
public record CallTime(Instant instant, String callerZone) {}
