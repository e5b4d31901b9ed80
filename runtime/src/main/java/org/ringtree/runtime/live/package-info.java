/**
 * What is happening now, on every runtime node: one PostgreSQL LISTEN connection per node that
 * hands each NOTIFY to the parts that subscribed (live directory settings, calls in progress), and
 * the calls in progress with the concurrency of their buyers and targets, pushed to the console.
 */
package org.ringtree.runtime.live;
