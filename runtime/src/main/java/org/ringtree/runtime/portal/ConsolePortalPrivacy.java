package org.ringtree.runtime.portal;

import java.util.List;
import java.util.Optional;
import org.ringtree.editor.portal.PortalPrivacyPort;
import org.ringtree.runtime.directory.DirectoryStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The operators' port for what each publisher's portal shows: the same store method and audit
 * ("directory.publisher.portal") as {@code PUT /api/directory/publishers/{id}/portal}, and the same
 * roles (admins and operators), whatever the screen showed.
 */
@Component
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
class ConsolePortalPrivacy implements PortalPrivacyPort {

  private final PortalStore store;
  private final DirectoryStore directory;

  ConsolePortalPrivacy(PortalStore store, DirectoryStore directory) {
    this.store = store;
    this.directory = directory;
  }

  @Override
  public List<Row> publishers() {
    return store.portalPrivacy().stream()
        .map(p -> new Row(p.publisherId(), p.name(), p.showsCallerNumber(), p.showsBuyerNames()))
        .toList();
  }

  @Override
  public Optional<Row> set(String publisherId, boolean showsCallerNumber, boolean showsBuyerNames) {
    if (!directory.setPortalPrivacy(
        publisherId, new DirectoryStore.PortalPrivacy(showsCallerNumber, showsBuyerNames))) {
      return Optional.empty();
    }
    return publishers().stream().filter(r -> r.publisherId().equals(publisherId)).findFirst();
  }
}
