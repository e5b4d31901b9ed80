/**
 * Publisher postbacks out: URL templates with placeholders whose values are always URL-encoded,
 * sent through a Camel route with retries and exponential backoff; every attempt and every dead
 * letter is reported to a listener that the runtime persists.
 */
package org.ringtree.integrations.postback;
