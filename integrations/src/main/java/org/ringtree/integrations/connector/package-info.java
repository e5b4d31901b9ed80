/**
 * The connector SPI: a developer's custom step in a flow is a Camel route with id {@code
 * connector-<name>} consuming from {@code direct:connector-<name>}. It gets the call's tags and IVR
 * answers as a map and returns a map of tags to set. Written as a Java {@code RouteBuilder} or in
 * the YAML DSL (loaded at runtime); invoked with a timeout, never throwing into the call path. See
 * {@code docs/connectors.md}.
 */
package org.ringtree.integrations.connector;
