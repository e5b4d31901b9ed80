package org.ringtree.runtime.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server left running on our data folder by a run that was killed: the JVM died but
 * its postmaster lives on and holds the folder. We stop it cleanly (SIGTERM, a "smart" shutdown
 * that finishes and flushes its work) so a fresh server can start on the same data, losing nothing.
 * A folder still locked by a live Ringtree process is refused instead.
 */
final class LeftoverPostmaster {

  private static final String ZONKY_LOCK_FILE = "epg-lock";

  private LeftoverPostmaster() {}

  /** Stops a leftover server on {@code dataDir}; returns a description of what was done. */
  static Optional<String> stopIfLeftOver(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
      return Optional.empty(); // PostgreSQL itself discards an unreadable pid file
    }
    long pid = Long.parseLong(lines.get(0).strip());
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return Optional.empty(); // stale file from a crash: PostgreSQL recovers on its own
    }
    if (!lockIsFree(dataDir.resolve(ZONKY_LOCK_FILE))) {
      throw new IOException(
          "the data folder is in use by another running Ringtree process (its PostgreSQL has pid "
              + pid
              + "); stop that process or set ringtree.data-dir to another folder");
    }
    ProcessHandle postmaster = process.get();
    postmaster.destroy();
    try {
      postmaster.onExit().get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException(
          "a PostgreSQL left by an earlier run (pid " + pid + ") did not stop within 60 s", e);
    }
    return Optional.of(
        "Stopped the PostgreSQL (pid " + pid + ") that an earlier, killed run left on " + dataDir);
  }

  private static boolean lockIsFree(Path lockFile) throws IOException {
    if (!Files.exists(lockFile)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock != null;
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return false; // this very JVM holds it
    }
  }
}
