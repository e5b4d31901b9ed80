/**
 * Admin screens: users with their roles, portal links, sign-in locks and API keys; the audit log;
 * the platform settings. Each screen talks to the platform through a port declared here, which the
 * runtime implements with the same services its REST API uses.
 */
package org.ringtree.editor.admin;
