/**
 * The compiler: a validated flow plus the directory entries it uses become a self-contained,
 * byte-stable {@link org.ringtree.rules.compiler.CompiledFlow} — DRL, two DMN 1.5 models, Camel
 * YAML routes and an index from every generated rule or table row back to its node.
 */
package org.ringtree.rules.compiler;
