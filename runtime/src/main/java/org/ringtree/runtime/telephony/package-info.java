/**
 * The voice webhook edge: signature checks in front of every webhook, the webhook form, the
 * controller that answers TwiML, and the paths shared by code and tests.
 */
package org.ringtree.runtime.telephony;
