/** The demo network and flow the runtime seeds and the docs use. */
package org.ringtree.rules.examples;
