/**
 * Developer tools that drive a running platform over HTTP as Twilio would: the signed webhook
 * driver, scripted calls and the load generator (./ringtree call, ./ringtree load).
 */
package org.ringtree.tools.driver;
