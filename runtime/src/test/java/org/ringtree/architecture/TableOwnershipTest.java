package org.ringtree.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.database.Store;

/**
 * One owner per table, read from the code: each {@link Store}'s SQL names only the tables it owns
 * or declares it reads, writes and locks only its own, every table the migrations create has
 * exactly one owner, and docs/architecture.md lists the owners as they are.
 */
class TableOwnershipTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Path ARCHITECTURE = Path.of("../docs/architecture.md");
  private static final String RUNTIME = "org.ringtree.runtime.";
  private static final String DOC_MARKER = "<!-- table owners: checked by TableOwnershipTest -->";

  private static Set<String> tables;
  private static Map<String, Store> stores;
  private static Map<String, StoreSql> sql;

  @BeforeAll
  static void readSourcesAndMigrations() throws IOException {
    tables = migratedTables();
    stores = new TreeMap<>();
    sql = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String className =
            SOURCES.relativize(file).toString().replace(".java", "").replace('/', '.');
        if (className.endsWith("package-info")) {
          continue;
        }
        sql.put(className, StoreSql.of(Files.readString(file), tables));
        Store store = storeAnnotation(className);
        if (store != null) {
          stores.put(className, store);
        }
      }
    }
    assertThat(tables).as("tables created by the migrations").hasSizeGreaterThan(40);
    assertThat(stores).as("stores found").hasSizeGreaterThan(20);
  }

  @Test
  void onlyStoresHoldSql() {
    Map<String, Set<String>> outside = new TreeMap<>();
    sql.forEach(
        (className, found) -> {
          if (!stores.containsKey(className) && !found.named().isEmpty()) {
            outside.put(className, found.named());
          }
        });
    assertThat(outside).as("classes with SQL that are not @Store classes").isEmpty();
  }

  @Test
  void everyStoreWritesAndLocksOnlyTheTablesItOwns() {
    Map<String, Set<String>> violations = new TreeMap<>();
    stores.forEach(
        (className, store) -> {
          Set<String> foreign = writesOutsideOwned(sql.get(className), store);
          if (!foreign.isEmpty()) {
            violations.put(className, foreign);
          }
        });
    assertThat(violations).as("stores writing tables they do not own").isEmpty();
  }

  @Test
  void everyTableAStoreNamesIsOwnedOrDeclaredAsRead() {
    Map<String, Set<String>> violations = new TreeMap<>();
    stores.forEach(
        (className, store) -> {
          Set<String> undeclared = undeclared(sql.get(className), store);
          if (!undeclared.isEmpty()) {
            violations.put(className, undeclared);
          }
        });
    assertThat(violations).as("tables named in SQL but not declared by the store").isEmpty();
  }

  @Test
  void everyMigratedTableHasExactlyOneOwner() {
    Map<String, List<String>> owners = owners();
    Map<String, List<String>> notOne = new TreeMap<>();
    for (String table : tables) {
      List<String> of = owners.getOrDefault(table, List.of());
      if (of.size() != 1) {
        notOne.put(table, of);
      }
    }
    assertThat(notOne).as("tables without exactly one owner").isEmpty();
    Set<String> declared = new TreeSet<>(owners.keySet());
    stores.values().forEach(s -> declared.addAll(List.of(s.reads())));
    assertThat(declared).as("declared tables the migrations do not create").isSubsetOf(tables);
  }

  @Test
  void architectureDocListsEachTablesOwner() throws IOException {
    String expected = ownerTable();
    List<String> doc = Files.readAllLines(ARCHITECTURE);
    int start = doc.indexOf(DOC_MARKER);
    assertThat(start).as("marker in docs/architecture.md: " + DOC_MARKER).isNotNegative();
    List<String> block = new ArrayList<>();
    for (int i = start + 1; i < doc.size() && !doc.get(i).isBlank(); i++) {
      block.add(doc.get(i));
    }
    assertThat(String.join("\n", block))
        .as("the table owners in docs/architecture.md (paste the expected block)")
        .isEqualTo(expected);
  }

  @Test
  void aStoreWritingAnotherFeaturesTableIsCaught() {
    Store disputes = store(new String[] {"disputes"}, new String[] {"calls"});
    String source =
        """
        class Disputes {
          void approve(java.util.UUID id) {
            jdbc.sql("UPDATE calls SET billable_to_buyer = false"
                + " WHERE id = ?").param(id).update();
          }
        }
        """;
    assertThat(writesOutsideOwned(StoreSql.of(source, tables), disputes)).containsExactly("calls");
  }

  @Test
  void lockingAnotherFeaturesRowIsAWriteAndUndeclaredReadsAreCaught() {
    Store postbacks = store(new String[] {"postbacks"}, new String[] {});
    String source =
        """
        class Postbacks {
          String sql = "SELECT c.id FROM calls c JOIN publishers p ON p.id = c.publisher_id"
              + " WHERE c.id = ? FOR UPDATE"; // from targets, in a comment, is not SQL
          String message = "delete from the list"; // prose is not SQL either
          String url = "https://example.com/"; String count = "SELECT count(*) FROM targets";
        }
        """;
    StoreSql found = StoreSql.of(source, tables);
    assertThat(writesOutsideOwned(found, postbacks)).containsExactly("calls", "publishers");
    assertThat(undeclared(found, postbacks)).containsExactly("calls", "publishers", "targets");
  }

  @Test
  void readsAndIdempotentUpsertsAreNotMistakenForForeignWrites() {
    StoreSql found =
        StoreSql.of(
            """
            String a = "INSERT INTO rotation_counters (scope, value) VALUES (?, 1) ON CONFLICT"
                + " (scope) DO UPDATE SET value = rotation_counters.value + 1 RETURNING value";
            String b = "SELECT count(*) FROM calls WHERE target_id = ?";
            """,
            tables);
    assertThat(found.named()).containsExactly("calls", "rotation_counters");
    assertThat(found.written()).containsExactly("rotation_counters");
  }

  @Test
  void mergingTruncatingAndLockingWholeTablesAreWrites() {
    StoreSql found =
        StoreSql.of(
            """
            String a = "MERGE INTO disputes d USING calls c ON c.id = d.call_id WHEN MATCHED"
                + " THEN DO NOTHING";
            String b = "TRUNCATE postbacks";
            String c = "LOCK TABLE cap_counters IN EXCLUSIVE MODE";
            """,
            tables);
    assertThat(found.named()).containsExactly("calls", "cap_counters", "disputes", "postbacks");
    assertThat(found.written()).containsExactly("cap_counters", "disputes", "postbacks");
  }

  private static Set<String> writesOutsideOwned(StoreSql found, Store store) {
    Set<String> foreign = new TreeSet<>(found.written());
    foreign.removeAll(List.of(store.owns()));
    return foreign;
  }

  private static Set<String> undeclared(StoreSql found, Store store) {
    Set<String> undeclared = new TreeSet<>(found.named());
    undeclared.removeAll(List.of(store.owns()));
    undeclared.removeAll(List.of(store.reads()));
    return undeclared;
  }

  private static Map<String, List<String>> owners() {
    Map<String, List<String>> owners = new TreeMap<>();
    stores.forEach(
        (className, store) -> {
          for (String table : store.owns()) {
            owners.computeIfAbsent(table, t -> new ArrayList<>()).add(className);
          }
        });
    return owners;
  }

  /** The Markdown table docs/architecture.md shows under its marker. */
  static String ownerTable() {
    Map<String, Set<String>> readers = new TreeMap<>();
    stores.forEach(
        (className, store) -> {
          for (String table : store.reads()) {
            readers.computeIfAbsent(table, t -> new TreeSet<>()).add(shortName(className));
          }
        });
    Map<String, String> rows = new LinkedHashMap<>();
    owners().forEach((table, of) -> rows.put(table, shortName(of.get(0))));
    StringBuilder out = new StringBuilder("| table | owner (the only writer) | also read by |\n");
    out.append("|---|---|---|");
    rows.forEach(
        (table, owner) ->
            out.append("\n| `")
                .append(table)
                .append("` | `")
                .append(owner)
                .append("` | ")
                .append(
                    readers.getOrDefault(table, Set.of()).stream()
                        .map(r -> "`" + r + "`")
                        .collect(Collectors.joining(", ")))
                .append(" |"));
    return out.toString();
  }

  private static String shortName(String className) {
    return className.substring(RUNTIME.length());
  }

  private static Set<String> migratedTables() throws IOException {
    Pattern create =
        Pattern.compile(
            "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
        Matcher m = create.matcher(Files.readString(file));
        while (m.find()) {
          found.add(m.group(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    return found;
  }

  private static Store storeAnnotation(String className) {
    try {
      return Class.forName(className, false, TableOwnershipTest.class.getClassLoader())
          .getAnnotation(Store.class);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no compiled class for " + className, e);
    }
  }

  /** A store annotation for the negative tests, as if a class declared it. */
  private static Store store(String[] owns, String[] reads) {
    return new Store() {
      @Override
      public String[] owns() {
        return owns;
      }

      @Override
      public String[] reads() {
        return reads;
      }

      @Override
      public Class<? extends java.lang.annotation.Annotation> annotationType() {
        return Store.class;
      }
    };
  }
}
