package org.ringtree.editor.portal;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.editor.postbacks.ConversionKeyPanel;
import org.ringtree.editor.postbacks.ConversionKeys;
import org.ringtree.editor.postbacks.DeliveryLog;
import org.ringtree.editor.postbacks.DeliverySource;
import org.ringtree.editor.postbacks.PostbackSettingsForm;
import org.ringtree.editor.postbacks.PostbacksPort;
import org.ringtree.editor.postbacks.PostbacksPresenter;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * A portal user's postbacks: a publisher edits its own postback settings and reads its own delivery
 * log; a buyer sees its conversion postback URL, issues its key and tests it. Which party is the
 * platform's answer from the sign-in ({@link PostbackPortalPort#me}); nothing in the URL names it.
 */
@Route(value = "portal/postbacks", layout = ConsoleLayout.class)
@PageTitle("Postbacks · Ringtree")
@RolesAllowed({Viewer.PUBLISHER, Viewer.BUYER})
public class PostbackPortalView extends VerticalLayout {

  public PostbackPortalView(PostbackPortalPort port) {
    setId("portal-postbacks-view");
    setSizeFull();
    PostbackPortalPort.Me me = port.me();
    if (me.party() == PostbackPortalPort.Party.PUBLISHER) {
      publisher(port, me.partyId());
    } else {
      buyer(port, me.partyId());
    }
  }

  private void publisher(PostbackPortalPort port, String publisherId) {
    PostbackSettingsForm form = new PostbackSettingsForm(port.placeholders());
    form.show(port.settings());
    form.addSaveListener(
        e -> {
          PostbacksPresenter.Outcome<PostbacksPort.Settings> outcome =
              PostbacksPresenter.save(
                  s -> port.save(s.urlTemplate(), s.onEveryCall(), s.enabled()),
                  publisherId,
                  e.draft().urlTemplate(),
                  e.draft().onEveryCall(),
                  e.draft().enabled());
          if (outcome.ok()) {
            form.saved(outcome.value());
          } else {
            form.refused(outcome.problem());
          }
        });
    DeliveryLog log =
        new DeliveryLog(
            new DeliverySource() {
              @Override
              public List<PostbacksPort.Delivery> page(
                  PostbacksPort.State state, int offset, int limit) {
                return port.page(state, offset, limit);
              }

              @Override
              public int count(PostbacksPort.State state) {
                return port.count(state);
              }

              @Override
              public Optional<PostbacksPort.Delivery> get(UUID postbackId) {
                return port.delivery(postbackId);
              }

              @Override
              public List<PostbacksPort.Attempt> attempts(UUID postbackId) {
                return port.attempts(postbackId);
              }
            },
            null);
    add(
        new H3("Your postback"),
        new Paragraph("Ringtree requests this URL for your calls; a failed request is retried."),
        form,
        new H3("Deliveries"),
        log);
  }

  private void buyer(PostbackPortalPort port, String buyerId) {
    add(
        new H3("Your conversion postback"),
        new Paragraph(
            "Tell Ringtree which of your calls converted: request this URL from your systems."),
        new ConversionKeyPanel(
            new ConversionKeys() {
              @Override
              public String conversionUrl() {
                return port.conversionUrl();
              }

              @Override
              public String testPath() {
                return ConversionKeyPanel.endpointPath(buyerId);
              }

              @Override
              public String issueKey() {
                return port.issueKey();
              }
            }));
  }
}
