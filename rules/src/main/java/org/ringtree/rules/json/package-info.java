/** The module's single Jackson configuration: stable key order, ISO dates, bounded input. */
package org.ringtree.rules.json;
