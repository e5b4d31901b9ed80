/** Telnyx adapter: its Ed25519 webhook signatures (TeXML speaks TwiML, so the rest is shared). */
package org.ringtree.integrations.telnyx;
