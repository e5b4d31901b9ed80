/**
 * The facts the generated rules match on and the sink they report to. Operator-entered values reach
 * the rules only through these objects (as data), never as DRL text.
 */
package org.ringtree.rules.engine.fact;
