/**
 * The Ringtree platform: the Spring Boot application that wires the webhooks, the decision engine,
 * the stores, the REST API and the console into one process.
 */
package org.ringtree.runtime;
