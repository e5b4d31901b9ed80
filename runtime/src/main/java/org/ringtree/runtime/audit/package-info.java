/**
 * The audit log: who changed what, when, with the before and after of the change. Append-only — a
 * trigger refuses updates and deletes, and the restricted database role has no such privilege. Any
 * feature records through {@link org.ringtree.runtime.audit.AuditLogStore}; compliance searches it
 * by object, user and time and exports it as CSV.
 */
package org.ringtree.runtime.audit;
