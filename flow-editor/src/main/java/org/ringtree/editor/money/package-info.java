/**
 * The operator's money screens: the dispute queue (listen, approve with credit and clawback, or
 * reject with a reason) and bulk adjustments (filter, preview per party, apply or ask a second
 * person). They call only the {@link org.ringtree.editor.money.DisputeQueuePort} and {@link
 * org.ringtree.editor.money.AdjustmentsPort}, implemented over the same services as the REST API,
 * so the screens and the API refuse the same things in the same words.
 */
package org.ringtree.editor.money;
