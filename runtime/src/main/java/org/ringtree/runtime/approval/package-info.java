/**
 * Review and approval of flow versions: the compiled decision tables and rules of any version as
 * readable tables, downloads of the standard .dmn files and the flow JSON, diffs between versions,
 * the "approval required" setting, four-eyes approve/reject with a comment, the guard that keeps
 * unapproved versions from going live, and one-step rollback to the previous live version.
 */
package org.ringtree.runtime.approval;
