package org.ringtree.runtime.billing;

import java.util.UUID;

/** A buyer reported that a call converted (first time only). */
public record CallConverted(UUID callId, String publisherId, String buyerId) {}
