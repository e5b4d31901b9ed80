package org.ringtree.editor.postbacks;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * Postbacks for staff: each publisher's postback settings, the delivery log of every postback with
 * its attempts and dead letters' retry, and each buyer's conversion postback URL, key and test.
 */
@Route(value = "postbacks", layout = ConsoleLayout.class)
@PageTitle("Postbacks · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class PostbacksView extends VerticalLayout {

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final PostbacksPort port;
  private final ComboBox<PostbacksPort.Party> publisher = new ComboBox<>("Publisher");
  private final ComboBox<PostbacksPort.BuyerKey> buyer = new ComboBox<>("Buyer");
  private final PostbackSettingsForm form;
  private final DeliveryLog log;
  private final VerticalLayout buyerPanel = new VerticalLayout();
  private ZoneId zone = ZoneId.of("UTC");

  public PostbacksView(PostbacksPort port) {
    this.port = port;
    setId("postbacks-view");
    setSizeFull();

    publisher.setId("postback-publisher");
    publisher.setItems(port.publishers());
    publisher.setItemLabelGenerator(p -> p.name() + " (" + p.id() + ")");
    publisher.setWidth("24em");
    form = new PostbackSettingsForm(port.placeholders());
    form.setEnabled(false);
    publisher.addValueChangeListener(
        e -> {
          form.setEnabled(e.getValue() != null);
          form.show(e.getValue() == null ? Optional.empty() : port.settings(e.getValue().id()));
        });
    form.addSaveListener(
        e -> {
          PostbacksPresenter.Outcome<PostbacksPort.Settings> outcome =
              PostbacksPresenter.save(
                  port::save,
                  publisher.getValue() == null ? null : publisher.getValue().id(),
                  e.draft().urlTemplate(),
                  e.draft().onEveryCall(),
                  e.draft().enabled());
          if (outcome.ok()) {
            form.saved(outcome.value());
          } else {
            form.refused(outcome.problem());
          }
        });
    VerticalLayout settings = new VerticalLayout(publisher, form);
    settings.setPadding(false);

    log =
        new DeliveryLog(
            new DeliverySource() {
              @Override
              public List<PostbacksPort.Delivery> page(
                  PostbacksPort.State state, int offset, int limit) {
                return port.page(null, state, offset, limit);
              }

              @Override
              public int count(PostbacksPort.State state) {
                return port.count(null, state);
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
            d -> port.retry(d.id()));

    buyer.setId("postback-buyer");
    buyer.setItems(port.buyers());
    buyer.setItemLabelGenerator(b -> b.name() + " (" + b.buyerId() + ")");
    buyer.setWidth("24em");
    buyer.addValueChangeListener(e -> showBuyer(e.getValue()));
    buyerPanel.setPadding(false);
    VerticalLayout buyers = new VerticalLayout(buyer, buyerPanel);
    buyers.setPadding(false);

    // plain buttons switch the sections: components the console's frontend bundle already holds
    HorizontalLayout tabs = new HorizontalLayout();
    tabs.setId("postback-tabs");
    List<VerticalLayout> sections = List.of(settings, log, buyers);
    List<String> labels = List.of("Publisher settings", "Delivery log", "Buyer conversions");
    List<String> ids = List.of("tab-postback-settings", "tab-postback-log", "tab-postback-buyers");
    List<Button> buttons = new java.util.ArrayList<>();
    for (int i = 0; i < sections.size(); i++) {
      VerticalLayout section = sections.get(i);
      Button tab = new Button(labels.get(i));
      tab.setId(ids.get(i));
      buttons.add(tab);
      tab.addClickListener(
          e -> {
            sections.forEach(s -> s.setVisible(s == section));
            buttons.forEach(b -> b.removeThemeVariants(ButtonVariant.LUMO_PRIMARY));
            tab.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            if (section == log) {
              log.refresh();
            }
          });
      tabs.add(tab);
      section.setVisible(i == 0);
    }
    buttons.get(0).addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(tabs, settings, log, buyers);

    UI.getCurrent()
        .getPage()
        .retrieveExtendedClientDetails(
            d -> {
              zone = zoneOf(d.getTimeZoneId());
              log.zone(zone);
            });
  }

  private void showBuyer(PostbacksPort.BuyerKey chosen) {
    buyerPanel.removeAll();
    if (chosen == null) {
      return;
    }
    Span issued = new Span();
    issued.setId("conversion-key-state");
    issued.setText(
        chosen.keyIssued()
            ? "A key was issued on " + AT.format(chosen.keyIssuedAt().atZone(zone)) + "."
            : "No key issued yet: the buyer's conversions are refused until one is.");
    String buyerId = chosen.buyerId();
    buyerPanel.add(
        issued,
        new ConversionKeyPanel(
            new ConversionKeys() {
              @Override
              public String conversionUrl() {
                return port.conversionUrl(buyerId);
              }

              @Override
              public String testPath() {
                return ConversionKeyPanel.endpointPath(buyerId);
              }

              @Override
              public String issueKey() {
                return port.issueKey(buyerId);
              }
            }));
  }

  static ZoneId zoneOf(String id) {
    try {
      return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
