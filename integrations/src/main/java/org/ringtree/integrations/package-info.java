/**
 * Adapters to the outside world, built on Camel and the Twilio SDK: TwiML and signatures, buyer RTB
 * over HTTP, publisher postbacks, and the connector SPI.
 */
package org.ringtree.integrations;
