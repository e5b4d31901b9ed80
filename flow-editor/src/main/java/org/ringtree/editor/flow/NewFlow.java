package org.ringtree.editor.flow;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.port.FlowEditingPort.CampaignChoice;

/**
 * The first document of a new flow for a campaign: a lone Start node, or a template's steps. Its id
 * comes from the campaign's (one flow per campaign), so it reads well in the audit log and URLs.
 */
final class NewFlow {

  /** What a new flow starts from: a Start node alone, or one of {@link Templates#all()}. */
  record Start(String name, Templates.Template template) {
    static final Start START_NODE = new Start("A Start node only", null);
  }

  private NewFlow() {}

  static List<Start> starts() {
    List<Start> out = new java.util.ArrayList<>();
    out.add(Start.START_NODE);
    Templates.all().stream()
        .filter(t -> !t.document().nodes().isEmpty())
        .map(t -> new Start("Template: " + t.name(), t))
        .forEach(out::add);
    return out;
  }

  static String flowId(String campaignId) {
    String slug = campaignId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return slug.replaceAll("(^-+|-+$)", "") + "-flow";
  }

  static FlowDocument document(CampaignChoice campaign, String name, Start start) {
    String title = name == null || name.isBlank() ? campaign.name() + " flow" : name.strip();
    List<FlowNode> nodes =
        start.template() == null
            ? List.of(new FlowNode("start", NodeKind.START, new Position(250, 50), Map.of()))
            : start.template().document().nodes();
    return new FlowDocument(
        FlowDocument.CURRENT_SCHEMA_VERSION,
        flowId(campaign.campaignId()),
        title,
        campaign.campaignId(),
        nodes,
        start.template() == null ? List.of() : start.template().document().edges());
  }
}
