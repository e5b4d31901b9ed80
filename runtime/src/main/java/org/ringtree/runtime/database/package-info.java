/**
 * The database the platform runs on: the embedded PostgreSQL by default or an external one by
 * configuration, migrations, the production role check and the reachability probe behind the
 * fallback answers.
 */
package org.ringtree.runtime.database;
