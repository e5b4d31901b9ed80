/**
 * Compliance review of compiled flow versions: the DMN decision tables a version compiled to, read
 * back from the stored XML into readable tables with every row in plain words and linked to the
 * node it came from; row-level diffs of those tables; and node/edge-level diffs of flow documents
 * and their directory snapshots, summarised in sentences. Everything here reads compiled artifacts,
 * so what compliance sees is what the engine runs.
 */
package org.ringtree.rules.review;
