package org.ringtree.runtime.call;

import java.util.List;

/**
 * A part of one SQL statement with its parameters, written by the store that owns the table it
 * touches: a call's first step is one statement over three tables, each clause by its owner.
 */
record SqlClause(String sql, List<Object> params) {}
