/**
 * The physical floor the incoming-call webhook is measured against: a bare signed endpoint that
 * stores one row and answers a small TwiML document, served only when a benchmark asks for it
 * ({@code ringtree.benchmark.floor=true}; docs/benchmarks.md).
 */
package org.ringtree.runtime.benchmark;
