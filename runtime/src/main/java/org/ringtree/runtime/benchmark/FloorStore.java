package org.ringtree.runtime.benchmark;

import org.ringtree.runtime.database.Store;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Owns {@code benchmark_floor}: one durable row per floor request, nothing else. */
@Repository
@ConditionalOnProperty(name = "ringtree.benchmark.floor", havingValue = "true")
@Store(owns = "benchmark_floor")
class FloorStore {

  private final JdbcClient jdbc;

  FloorStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(String callSid, String caller) {
    jdbc.sql("INSERT INTO benchmark_floor (call_sid, caller) VALUES (:sid, :caller)")
        .param("sid", callSid)
        .param("caller", caller)
        .update();
  }

  int count() {
    return jdbc.sql("SELECT count(*) FROM benchmark_floor").query(Integer.class).single();
  }
}
