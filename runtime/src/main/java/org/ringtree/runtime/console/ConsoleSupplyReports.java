package org.ringtree.runtime.console;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ringtree.editor.reports.SupplyReportPort;
import org.ringtree.runtime.billing.BillingProperties;
import org.ringtree.runtime.directory.DirectoryNames;
import org.ringtree.runtime.supply.SupplyBids;
import org.springframework.stereotype.Component;

/**
 * The RTB supply screen's port: {@link SupplyBids#report}, the same lines as {@code GET
 * /api/reports/rtb-supply}.
 */
@Component
class ConsoleSupplyReports implements SupplyReportPort {

  private static final int MAX_NAMES = 10_000;

  private final SupplyBids bids;
  private final BillingProperties billing;
  private final DirectoryNames names;

  ConsoleSupplyReports(SupplyBids bids, BillingProperties billing, DirectoryNames names) {
    this.bids = bids;
    this.billing = billing;
    this.names = names;
  }

  @Override
  public ZoneId networkZone() {
    return billing.timezone();
  }

  @Override
  public List<Line> lines(Instant from, Instant to) {
    return bids.report(from, to).stream()
        .map(
            l ->
                new Line(
                    l.publisherId(),
                    l.pings(),
                    l.bids(),
                    l.joined(),
                    l.filled(),
                    l.paidAsBid(),
                    l.bidRate(),
                    l.winRate(),
                    l.fillRate()))
        .toList();
  }

  @Override
  public Map<String, String> publisherNames() {
    Map<String, String> out = new HashMap<>();
    names
        .search(DirectoryNames.Kind.PUBLISHER, "", 0, MAX_NAMES)
        .forEach(n -> out.put(n.id(), n.name()));
    return out;
  }
}
