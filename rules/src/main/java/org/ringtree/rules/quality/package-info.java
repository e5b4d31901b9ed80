/**
 * Publisher quality monitoring (issue #21.4): per publisher and source, over a window, whether its
 * calls cluster just past the billable threshold, repeat callers and conversion, each against the
 * rest of the network with a stated one-sided binomial test whose counts and p-value are the
 * evidence. Pure Java: the runtime reads the calls and acts on the flags.
 */
package org.ringtree.rules.quality;
