/**
 * Postback screens: publishers' postback settings (URL templates with placeholders, which events),
 * the delivery log with each attempt's status and response, dead letters and their retry, and the
 * buyers' conversion postback URL and key with a test. The operator's screen and the portal's use
 * the same components; each talks to the platform through its own port, which the runtime
 * implements with the services behind /api/postbacks.
 */
package org.ringtree.editor.postbacks;
