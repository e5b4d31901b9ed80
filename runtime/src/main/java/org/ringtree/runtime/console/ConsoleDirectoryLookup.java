package org.ringtree.runtime.console;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.ringtree.rules.port.DirectoryLookupPort;
import org.ringtree.runtime.connector.ConnectorNames;
import org.ringtree.runtime.directory.DirectoryNames;
import org.springframework.stereotype.Service;

/**
 * Searches the directory tables directly, paged by the database, so select lists stay fast with
 * hundreds of targets. Connectors and timezones are small in-memory lists.
 */
@Service
class ConsoleDirectoryLookup implements DirectoryLookupPort {

  // "caller" first: a condition's hours may follow the caller's zone (from their zip).
  private static final List<Choice> TIMEZONES =
      Stream.concat(
              Stream.of(
                  new Choice(
                      org.ringtree.rules.directory.Schedule.CALLER,
                      "The caller's time zone",
                      "from the zip they entered or the carrier sent")),
              ZoneId.getAvailableZoneIds().stream()
                  .filter(
                      z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                  .sorted()
                  .map(z -> new Choice(z, z, null)))
          .toList();

  private final DirectoryNames names;
  private final ConnectorNames connectors;

  ConsoleDirectoryLookup(DirectoryNames names, ConnectorNames connectors) {
    this.names = names;
    this.connectors = connectors;
  }

  @Override
  public List<Choice> search(RefKind kind, String text, int offset, int limit) {
    String q = text == null ? "" : text.strip();
    return switch (kind) {
      case TARGET, GROUP, TRACKING_NUMBER ->
          names.picks(pickable(kind), q, offset, limit).stream()
              .map(ConsoleDirectoryLookup::choice)
              .toList();
      case CONNECTOR, TIMEZONE -> memory(kind, q).skip(offset).limit(limit).toList();
    };
  }

  @Override
  public int count(RefKind kind, String text) {
    String q = text == null ? "" : text.strip();
    return switch (kind) {
      case TARGET, GROUP, TRACKING_NUMBER -> names.countPicks(pickable(kind), q);
      case CONNECTOR, TIMEZONE -> (int) memory(kind, q).count();
    };
  }

  @Override
  public Optional<Choice> find(RefKind kind, String id) {
    if (id == null) {
      return Optional.empty();
    }
    return switch (kind) {
      case TARGET, GROUP, TRACKING_NUMBER ->
          names.pick(pickable(kind), id).map(ConsoleDirectoryLookup::choice);
      case CONNECTOR, TIMEZONE -> memory(kind, "").filter(c -> c.id().equals(id)).findFirst();
    };
  }

  @Override
  public List<Choice> targetsOf(List<String> targetIds, List<String> groupIds) {
    return names.targetIds(targetIds, groupIds).stream()
        .map(id -> find(RefKind.TARGET, id))
        .flatMap(Optional::stream)
        .sorted(java.util.Comparator.comparing(Choice::label))
        .toList();
  }

  private static DirectoryNames.Pickable pickable(RefKind kind) {
    return switch (kind) {
      case TARGET -> DirectoryNames.Pickable.TARGET;
      case GROUP -> DirectoryNames.Pickable.GROUP;
      case TRACKING_NUMBER -> DirectoryNames.Pickable.TRACKING_NUMBER;
      default -> throw new IllegalArgumentException(kind.name());
    };
  }

  private static Choice choice(DirectoryNames.Pick p) {
    return new Choice(p.id(), p.label(), p.detail());
  }

  private Stream<Choice> memory(RefKind kind, String q) {
    String needle = q.toLowerCase(Locale.ROOT);
    Stream<Choice> all =
        kind == RefKind.TIMEZONE
            ? TIMEZONES.stream()
            : connectors.all().stream().map(c -> new Choice(c, c, connectors.describe(c)));
    return all.filter(c -> c.id().toLowerCase(Locale.ROOT).contains(needle));
  }
}
