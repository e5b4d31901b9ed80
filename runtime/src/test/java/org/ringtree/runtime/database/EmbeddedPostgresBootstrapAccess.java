package org.ringtree.runtime.database;

/** Lets tests start the platform twice in one JVM, as two separate runs would. */
final class EmbeddedPostgresBootstrapAccess {

  private EmbeddedPostgresBootstrapAccess() {}

  static void forgetRunningServer() {
    EmbeddedPostgresBootstrap.forgetRunningServerForTests();
  }
}
