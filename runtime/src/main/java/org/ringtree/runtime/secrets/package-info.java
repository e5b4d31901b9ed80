/**
 * Secrets operators enter (a SIP target's password): kept encrypted with a key from the
 * configuration, referred to everywhere else by a reference that is not the secret.
 */
package org.ringtree.runtime.secrets;
