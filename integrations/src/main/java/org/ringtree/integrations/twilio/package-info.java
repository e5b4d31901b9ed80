/**
 * Twilio adapter: renders the engine's provider-neutral call instructions as TwiML (only through
 * the SDK's builders), checks and produces {@code X-Twilio-Signature}, and names Twilio's webhook
 * fields.
 */
package org.ringtree.integrations.twilio;
