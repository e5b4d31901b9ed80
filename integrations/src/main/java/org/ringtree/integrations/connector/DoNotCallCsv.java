package org.ringtree.integrations.connector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * The do-not-call check a connector route calls as a bean: is the caller's number in a CSV file
 * (one number per line in its first column; a header line and {@code #} comments are ignored)?
 * Numbers compare by their digits, so {@code +1 (512) 555-0111} matches {@code 15125550111}. The
 * file is read again when it changes.
 */
public final class DoNotCallCsv {

  /** Exchange property holding the CSV file's path. */
  public static final String FILE_PROPERTY = "dncFile";

  private record Loaded(FileTime modified, Set<String> numbers) {}

  private static final Map<Path, Loaded> CACHE = new ConcurrentHashMap<>();

  private DoNotCallCsv() {}

  /**
   * Answers {@code dnc_listed=true|false} for input {@code caller_number}.
   *
   * @throws IllegalArgumentException without a caller number (the flow takes its error port)
   */
  public static Map<String, String> check(
      @Body Map<String, Object> input, @ExchangeProperty(FILE_PROPERTY) String file) {
    Object number = input == null ? null : input.get("caller_number");
    String digits = number == null ? "" : digits(number.toString());
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("no caller_number to check");
    }
    boolean listed = numbers(Path.of(file)).contains(digits);
    return Map.of("dnc_listed", String.valueOf(listed));
  }

  private static Set<String> numbers(Path file) {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      Loaded known = CACHE.get(file);
      if (known != null && known.modified().equals(modified)) {
        return known.numbers();
      }
      Set<String> numbers = new HashSet<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String first = line.split(",", 2)[0].strip();
        if (first.isEmpty() || first.startsWith("#")) {
          continue;
        }
        String d = digits(first);
        if (!d.isEmpty()) {
          numbers.add(d);
        }
      }
      CACHE.put(file, new Loaded(modified, Set.copyOf(numbers)));
      return numbers;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the do-not-call list " + file, e);
    }
  }

  private static String digits(String s) {
    StringBuilder d = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c >= '0' && c <= '9') {
        d.append(c);
      }
    }
    return d.toString();
  }
}
