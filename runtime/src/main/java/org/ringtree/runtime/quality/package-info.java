/**
 * Publisher quality monitoring in the running platform (issue #21.4, docs/fraud.md "Publisher
 * quality monitoring"): on a schedule and on demand, the ended calls of a window are read from
 * PostgreSQL and judged by {@code rules.quality.PublisherQuality}; each run is stored with the
 * flags it raised, their evidence and each publisher's score bands. A new flag is announced as
 * {@link org.ringtree.runtime.quality.PublisherQualityFlagged} and, when an operator set one,
 * posted to the alert webhook. From the flags, staff acknowledge or dismiss them and pause a
 * publisher's numbers.
 */
package org.ringtree.runtime.quality;
