package org.ringtree.rules.compiler;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key of a compiled flow version: the first 16 hex digits of the SHA-256 of its canonical flow
 * JSON and directory JSON, so equal inputs give the same key. It names the version in the database
 * ({@code flow_versions.version_key}), in a call's stored state, in the engine's cache and in the
 * Camel route ids; in JSON it is the bare string. Not to be confused with a version's row id
 * ({@code flow_versions.id}, a {@code long} named {@code versionId}).
 */
public record VersionKey(@JsonValue String value) {

  /** The key's format as a regular expression, for patterns that embed it (route ids). */
  public static final String FORMAT = "[0-9a-f]{16}";

  private static final Pattern VALID = Pattern.compile(FORMAT);

  public VersionKey {
    Objects.requireNonNull(value, "version key");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "not a flow version key (16 lowercase hex digits): '" + value + "'");
    }
  }

  /** A key read back from storage or JSON; refuses anything that is not a key. */
  @JsonCreator
  public static VersionKey of(String value) {
    return new VersionKey(value);
  }

  /** Mints the key of a version from its canonical flow and directory JSON. */
  static VersionKey of(String flowJson, String directoryJson) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((flowJson + "\u0000" + directoryJson).getBytes(StandardCharsets.UTF_8));
      return new VersionKey(HexFormat.of().formatHex(digest).substring(0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
