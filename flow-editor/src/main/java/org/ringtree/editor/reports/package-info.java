/**
 * The reports screen (the reconciliation reports by any dimension and period, with a saved-view
 * link and a streamed CSV export) and the reconciliation statements sent to publishers and buyers.
 */
package org.ringtree.editor.reports;
