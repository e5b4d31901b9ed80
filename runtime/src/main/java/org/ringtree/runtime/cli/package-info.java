/**
 * Command-line entry points of the platform jar other than the server, such as the simulated call.
 */
package org.ringtree.runtime.cli;
