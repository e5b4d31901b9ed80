/**
 * The compliance screens: flows and their versions with review state, a version's compiled decision
 * tables and rules, the differences between two versions, approve / reject with a comment, publish,
 * roll back and the approval setting. They call only the {@code ComplianceReviews} port, which
 * checks roles and four eyes again; {@link org.ringtree.editor.compliance.ReviewRules} decides what
 * to offer so that a refusal is explained before anyone clicks.
 */
package org.ringtree.editor.compliance;
