package org.ringtree.runtime.quality;

/**
 * A run raised a flag that was not already live for this publisher, source and test: published once
 * per new flag, after the run committed (a flag raised again is not announced again).
 */
public record PublisherQualityFlagged(long runId, StoredFlag flag) {}
