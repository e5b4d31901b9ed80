/**
 * Flow validation: node-anchored issues for structure (reachability, ports, loops), settings
 * (required, types, bounds, timezones, schedules) and directory references.
 */
package org.ringtree.rules.validation;
