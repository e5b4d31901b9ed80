/**
 * What operators watch: JSON logs with the call id, business metrics and the webhook latency
 * histograms.
 */
package org.ringtree.runtime.observability;
