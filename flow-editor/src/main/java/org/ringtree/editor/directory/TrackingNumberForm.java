package org.ringtree.editor.directory;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextArea;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;
import org.ringtree.rules.directory.TrackingNumber;

/** A tracking number: its campaign, its publisher, the source tags its calls carry, in service. */
public final class TrackingNumberForm extends EntryForm {

  /** The API's rule for a tracking number (DirectoryController). */
  static final String E164 = "\\+[1-9][0-9]{6,14}";

  final RefField campaign;
  final RefField publisher;
  final TextArea sourceTags = new TextArea("Source tags, one a line: name=value");
  final Checkbox inService =
      new Checkbox("In service (unticked: calls get the unknown-number answer)", true);

  public TrackingNumberForm(RefField.Choices choices) {
    super(
        Kind.TRACKING_NUMBER,
        "Takes effect at the next call to the number: its campaign, publisher, tags and service"
            + " state are read when each call arrives.");
    id.setLabel("Number (E.164)");
    id.setPlaceholder("+18885550101");
    id.setHelperText("The number callers dial, such as +18885550101; it cannot change once saved.");
    campaign = new RefField("Campaign", Kind.CAMPAIGN, choices);
    publisher = new RefField("Publisher", Kind.PUBLISHER, choices);
    field("id", id);
    field("campaignId", campaign);
    field("publisherId", publisher);
    field("sourceTags", sourceTags);
    inService.setId("f-inService");
    sourceTags.setHelperText(
        "e.g. channel=radio; calls to the number carry these tags for routing");
    add(columns(id, campaign, publisher), sourceTags, inService);
    addButtons();
    fill(null);
  }

  /** Preselects the publisher of a new number. */
  public void forPublisher(String publisherId) {
    publisher.setValue(publisherId);
  }

  @Override
  protected void fill(Stored stored) {
    TrackingNumber n = stored == null ? null : (TrackingNumber) stored.entry();
    id.setValue(n == null ? "" : n.e164());
    campaign.setValue(n == null ? null : n.campaignId());
    publisher.setValue(n == null ? null : n.publisherId());
    sourceTags.setValue(n == null ? "" : Texts.pairsText(n.sourceTags()));
    inService.setValue(stored == null || stored.inService());
  }

  @Override
  protected Stored build(String number, Problems p) {
    if (!number.isEmpty() && !number.matches(E164)) {
      p.add("id", "a tracking number is E.164, such as +18885550101; got " + number);
    }
    if (campaign.id().isEmpty()) {
      p.add("campaignId", "calls to the number belong to a campaign: pick one");
    }
    if (publisher.id().isEmpty()) {
      p.add("publisherId", "the number belongs to the publisher who advertises it: pick one");
    }
    var tags = Texts.pairs(sourceTags.getValue(), "sourceTags", p, "each line is name=value");
    if (!p.isEmpty()) {
      return null;
    }
    return new Stored(
        new TrackingNumber(number, campaign.id(), publisher.id(), tags),
        0,
        null,
        inService.getValue());
  }
}
