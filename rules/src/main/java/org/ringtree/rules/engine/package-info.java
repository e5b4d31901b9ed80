/**
 * The decision engine: builds KieBases and DMN runtimes from compiled flows at run time and answers
 * IVR steps ({@link org.ringtree.rules.engine.DecisionEngine#start}, {@code next}), route decisions
 * and billing decisions, each with its justifications.
 */
package org.ringtree.rules.engine;
