package org.ringtree.editor.portal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** What the portal screens share: the browser's time zone, times, notes and notifications. */
final class Screens {

  static final ZoneId UTC = ZoneId.of("UTC");
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Screens() {}

  /** Tells {@code use} the browser's time zone when the browser has said it (UTC if unknown). */
  static void browserZone(Consumer<ZoneId> use) {
    UI ui = UI.getCurrent();
    if (ui != null) {
      ui.getPage().retrieveExtendedClientDetails(d -> use.accept(zoneOrUtc(d.getTimeZoneId())));
    }
  }

  static ZoneId zoneOrUtc(String id) {
    try {
      return id == null || id.isBlank() ? UTC : ZoneId.of(id);
    } catch (DateTimeException e) {
      return UTC;
    }
  }

  static String when(Instant at, ZoneId zone) {
    return at == null ? "" : DAY_TIME.format(at.atZone(zone));
  }

  static String seconds(Integer s) {
    return s == null ? "" : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  static String yesNo(Boolean b) {
    return b == null ? "" : b ? "yes" : "no";
  }

  static Paragraph note(String text) {
    Paragraph p = new Paragraph(text);
    p.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-top", "0");
    return p;
  }

  static void notify(String text, boolean ok) {
    Notification n = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
    n.addThemeVariants(ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
  }
}
