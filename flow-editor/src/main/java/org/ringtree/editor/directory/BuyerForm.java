package org.ringtree.editor.directory;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;
import org.ringtree.rules.directory.BidDestinations;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.SettingScope;

/**
 * A buyer: its name, active or paused (a live setting: pausing stops all its targets at the next
 * call), the caps across all its targets, and where its accepted bids may send calls.
 */
public final class BuyerForm extends EntryForm {

  final TextField name = new TextField("Name");
  final Checkbox active =
      new Checkbox("Active (unticked: paused, none of its targets takes calls)", true);
  final CapsFields caps;
  final TextArea bidNumbers = new TextArea("Bid destinations: number prefixes");
  final TextArea bidSipDomains = new TextArea("Bid destinations: SIP domains");

  public BuyerForm() {
    super(Kind.BUYER, SettingScope.sentence("buyer"));
    field("id", id);
    field("name", name);
    field("active", active);
    active.setHelperText("Pausing and resuming act on the next call, without publishing a flow");
    field("bidNumbers", bidNumbers);
    field("bidSipDomains", bidSipDomains);
    caps = new CapsFields(this, "caps");
    bidNumbers.setHelperText(
        "+ and digits, such as +1512 or +44; empty: North American numbers only, never premium"
            + " rate (900) nor other countries inside +1");
    bidSipDomains.setHelperText(
        "Host names such as pbx.example.com; empty: no SIP address from a bid");
    add(columns(id, name), active, caps, columns(bidNumbers, bidSipDomains));
    addButtons();
    fill(null);
  }

  @Override
  protected void fill(Stored stored) {
    Buyer b = stored == null ? null : (Buyer) stored.entry();
    id.setValue(b == null ? "" : b.id());
    name.setValue(b == null ? "" : b.name());
    active.setValue(stored == null || stored.inService());
    caps.fill(b == null ? null : b.caps());
    bidNumbers.setValue(b == null ? "" : String.join("\n", b.bidDestinations().numbers()));
    bidSipDomains.setValue(b == null ? "" : String.join("\n", b.bidDestinations().sipDomains()));
  }

  @Override
  protected Stored build(String buyerId, Problems p) {
    if (name.getValue().isBlank()) {
      p.add("name", "a buyer needs a name");
    }
    var capsValue = caps.read(p);
    BidDestinations numbers =
        p.check("bidNumbers", () -> new BidDestinations(Texts.items(bidNumbers.getValue()), null))
            .orElse(null);
    BidDestinations domains =
        p.check(
                "bidSipDomains",
                () -> new BidDestinations(null, Texts.items(bidSipDomains.getValue())))
            .orElse(null);
    if (!p.isEmpty() || numbers == null || domains == null) {
      return null;
    }
    return new Stored(
        new Buyer(
            buyerId,
            name.getValue().strip(),
            capsValue,
            new BidDestinations(numbers.numbers(), domains.sipDomains())),
        0,
        null,
        active.getValue());
  }
}
