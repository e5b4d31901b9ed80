/**
 * The "Score models" screen (docs/score.md): the trained model versions with their figures,
 * training on demand, promotion (a request a second person decides while approval is required), its
 * approval or rejection, and the roll back. It talks to the platform through {@link
 * org.ringtree.editor.score.ScoreModelsPort}, which the runtime implements with the services behind
 * /api/score/models.
 */
package org.ringtree.editor.score;
