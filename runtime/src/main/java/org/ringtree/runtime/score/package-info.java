/**
 * The call-quality score in the running platform (issue #21.1–2, docs/score.md): each call scored
 * before it is routed with the promoted model or the prior, stored with the call and shown in its
 * trace; the model versions trained from PostgreSQL, kept with their quality figures, promoted and
 * rolled back by an admin, audited.
 */
package org.ringtree.runtime.score;
