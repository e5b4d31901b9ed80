package org.ringtree.editor.directory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.GeoFilter;
import org.ringtree.rules.directory.OutboundUrl;
import org.ringtree.rules.directory.Schedule;
import org.ringtree.rules.directory.SettingScope;
import org.ringtree.rules.directory.TagFilter;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.PingPost;
import org.ringtree.rules.routing.RtbRequestTemplate;

/**
 * Every field of a target: its destination (phone, SIP with write-only password, or RTB with its
 * response format, URL and timeout), price, priority and weight, caps, hours of operation as a
 * weekly grid in its own timezone with holidays, geo (states, pasted zip lists, area codes), tag
 * filters, duplicate rule and active/paused.
 */
public final class TargetForm extends EntryForm {

  static final String PHONE = "Phone number";
  static final String SIP = "SIP address";
  static final String RTB = "RTB endpoint (bids first)";

  /** Keys a MAPPING or TEMPLATE format reads from the bid response (Destination.RtbEndpoint). */
  static final Set<String> MAPPING_KEYS =
      Set.of(
          "amount",
          "destination",
          "expiry",
          "accepted",
          "bidId",
          "currency",
          "reason",
          "conversionSeconds");

  /** Keys of a TEMPLATE's request (besides request.header.NAME). */
  static final Set<String> TEMPLATE_KEYS =
      Set.of(
          RtbRequestTemplate.METHOD,
          RtbRequestTemplate.BODY,
          RtbRequestTemplate.BODY_TYPE,
          PingPost.METHOD,
          PingPost.BODY,
          PingPost.BODY_TYPE);

  /** Keys a MAPPING or TEMPLATE ping-post target reads its post's answer with. */
  static final Set<String> POST_ANSWER_KEYS =
      Set.of(PingPost.ACCEPTED, PingPost.ACCEPTED_VALUE, PingPost.DESTINATION, PingPost.REASON);

  static final List<Choice> ZONES =
      ZoneId.getAvailableZoneIds().stream()
          .filter(
              z ->
                  z.equals("UTC")
                      || (z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")))
          .sorted()
          .map(z -> new Choice(z))
          .toList();

  record Choice(String id) {}

  /** Every US ZIP code fits in well under a megabyte of text. */
  static final int ZIP_FILE_BYTES = 1_000_000;

  final TextField name = new TextField("Name");
  final RefField buyer;
  final Checkbox active = new Checkbox("Active (unticked: paused, takes no calls)", true);
  final RadioButtonGroup<String> destinationKind = new RadioButtonGroup<>("Destination");
  final TextField phone = new TextField("Phone number (E.164)");
  final TextField sipUri = new TextField("SIP URI");
  final TextField sipUser = new TextField("SIP username");
  final PasswordField sipPassword = new PasswordField("SIP password");
  final TextField rtbUrl = new TextField("Bid URL");
  final TextField rtbTimeout = new TextField("Bid timeout (ms)");
  final Select<Destination.BidResponseFormat> rtbFormat = new Select<>();
  final TextArea rtbMapping = new TextArea("Request and answer settings");
  final Select<Destination.PingMode> rtbMode = new Select<>();
  final TextField rtbPostUrl = new TextField("Post URL (ping-post)");
  final TextField rtbPostTimeout = new TextField("Post timeout (ms, empty: the bid timeout)");
  final TextField rtbMaxBid = new TextField("Declared maximum bid (empty: none)");
  final TextField fixedPrice = new TextField("Fixed price (empty: RTB bids or no price)");
  final TextField currency = new TextField("Currency");
  final TextField priority = new TextField("Priority (lower tiers are tried first)");
  final TextField weight = new TextField("Weight within the tier");
  final TextField minScore = new TextField("Minimum call score, 0-100 (empty: any)");
  final CapsFields caps;
  final ComboBox<String> timezone = new ComboBox<>("Time zone of the hours");
  final WeeklyHoursField hours;
  final HolidaysField holidays;
  final TextArea states = new TextArea("States (two-letter codes)");
  final TextArea zips = new TextArea("ZIP codes (paste a list or upload a file)");
  final Upload zipUpload;
  final Span zipUploadNote = new Span();
  final TextArea areaCodes = new TextArea("Area codes");
  final TextArea tagFilters = new TextArea("Tag filters, one a line: tag comparison value");
  final DuplicateRuleFields duplicate;

  private final FormLayout phoneRow = columns(phone);
  private final FormLayout sipRow = columns(sipUri, sipUser, sipPassword);
  private final FormLayout rtbRow = columns(rtbUrl, rtbTimeout, rtbFormat);
  private final FormLayout postRow = columns(rtbMode, rtbPostUrl, rtbPostTimeout, rtbMaxBid);
  private String storedSipPassword;

  public TargetForm(RefField.Choices choices) {
    super(Kind.TARGET, SettingScope.sentence("target"));
    buyer = new RefField("Buyer", Kind.BUYER, choices);
    field("id", id);
    field("name", name);
    field("buyerId", buyer);
    field("destinationKind", destinationKind);
    field("phone", phone);
    field("sipUri", sipUri);
    field("sipUser", sipUser);
    field("sipPassword", sipPassword);
    field("rtbUrl", rtbUrl);
    field("rtbTimeout", rtbTimeout);
    field("rtbFormat", rtbFormat);
    field("rtbMapping", rtbMapping);
    field("rtbMode", rtbMode);
    field("rtbPostUrl", rtbPostUrl);
    field("rtbPostTimeout", rtbPostTimeout);
    field("rtbMaxBid", rtbMaxBid);
    field("fixedPrice", fixedPrice);
    field("currency", currency);
    field("priority", priority);
    field("weight", weight);
    field("minScore", minScore);
    field("timezone", timezone);
    field("states", states);
    field("zips", zips);
    field("areaCodes", areaCodes);
    field("tagFilters", tagFilters);
    active.setId("f-active");

    destinationKind.setItems(PHONE, SIP, RTB);
    destinationKind.addValueChangeListener(e -> showDestination());
    phone.setPlaceholder("+15125550100");
    sipUri.setPlaceholder("sip:intake@pbx.example.com");
    sipPassword.setHelperText("Stored encrypted; leave empty to keep the stored password.");
    rtbUrl.setPlaceholder("https://bids.example.com/ping");
    rtbFormat.setLabel("Bid response format");
    rtbFormat.setItems(Destination.BidResponseFormat.values());
    rtbFormat.setValue(Destination.BidResponseFormat.RINGTREE);
    rtbFormat.addValueChangeListener(e -> showDestination());
    rtbMode.setLabel("Ping only (RTB) or ping-post");
    rtbMode.setItems(Destination.PingMode.values());
    rtbMode.setValue(Destination.PingMode.RTB);
    rtbMode.addValueChangeListener(e -> showDestination());
    rtbPostUrl.setPlaceholder("https://bids.example.com/post");
    rtbMapping.setHelperText(
        "one key=value a line. MAPPING/TEMPLATE answers: amount, destination, expiry, accepted,"
            + " conversionSeconds … = JSON path. TEMPLATE request: request.method, request.body,"
            + " request.bodyType (json/form), request.header.NAME; URL and body take {zip},"
            + " {callerNumber}, {tag:NAME} …. Field names: field.state=State …. Ping-post: post.body,"
            + " post.header.NAME, {bidId}; answer post.accepted, post.acceptedValue,"
            + " post.destination, post.reason (docs/rtb.md)");
    currency.setValue(Money.USD);
    timezone.setItems(ZONES.stream().map(Choice::id).toList());
    zips.setHelperText(
        "Five-digit ZIP codes; paste a column or a comma list, or upload a .txt or .csv file"
            + " (it replaces the list)");
    zipUpload =
        new Upload(UploadHandler.inMemory((meta, bytes) -> zipFile(meta.fileName(), bytes)));
    zipUpload.setId("zip-upload");
    zipUpload.setMaxFileSize(ZIP_FILE_BYTES);
    zipUpload.setAcceptedFileTypes(".txt", ".csv", "text/plain", "text/csv");
    zipUpload.setUploadButton(new Button("Upload ZIP list (.txt, .csv)"));
    zipUpload.setDropLabel(new Span("or drop the file here"));
    zipUpload.addFileRejectedListener(
        e ->
            mark("zips", "not read: " + e.getErrorMessage() + " (a .txt or .csv file up to 1 MB)"));
    zipUploadNote.setId("zip-upload-note");
    zipUploadNote
        .getStyle()
        .set("font-size", "var(--lumo-font-size-s)")
        .set("color", "var(--lumo-secondary-text-color)");
    tagFilters.setHelperText(
        "e.g. \"channel equals radio\", \"age gte 18\", \"state in CA,TX\", \"sub_id exists\";"
            + " comparisons: "
            + String.join(
                ", ",
                java.util.Arrays.stream(Comparison.values()).map(Comparison::jsonName).toList()));
    caps = new CapsFields(this, "caps");
    duplicate = new DuplicateRuleFields(this);

    hours = new WeeklyHoursField(this);
    holidays = new HolidaysField(this);
    Paragraph hoursHelp =
        new Paragraph(
            "Each day closed, open 24 hours, or open in one or more windows (such as 08:00–12:00"
                + " and 13:00–18:00). A window past midnight (22:00–02:00) belongs to the day it"
                + " starts; the next day's bar shows its end lighter.");
    hoursHelp.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin", "0");

    add(
        columns(id, name, buyer),
        active,
        section(
            "Destination", true, destinationKind, phoneRow, sipRow, rtbRow, postRow, rtbMapping),
        section(
            "Price and routing",
            true,
            columns(fixedPrice, currency),
            columns(priority, weight),
            minScore),
        section("Caps", false, caps),
        section("Hours of operation", false, timezone, hoursHelp, hours, holidays),
        section("Geo", false, columns(states, zips, areaCodes), zipUpload, zipUploadNote),
        section("Tag filters", false, tagFilters),
        section("Duplicate callers", false, duplicate));
    addButtons();
    fill(null);
  }

  private static Details section(
      String title, boolean open, com.vaadin.flow.component.Component... parts) {
    com.vaadin.flow.component.orderedlayout.VerticalLayout body =
        new com.vaadin.flow.component.orderedlayout.VerticalLayout(parts);
    body.setPadding(false);
    Details d = new Details(title, body);
    d.setOpened(open);
    d.setWidthFull();
    return d;
  }

  private void showDestination() {
    String k = destinationKind.getValue();
    phoneRow.setVisible(PHONE.equals(k));
    sipRow.setVisible(SIP.equals(k));
    rtbRow.setVisible(RTB.equals(k));
    phone.setVisible(PHONE.equals(k));
    sipUri.setVisible(SIP.equals(k));
    sipUser.setVisible(SIP.equals(k));
    sipPassword.setVisible(SIP.equals(k));
    rtbUrl.setVisible(RTB.equals(k));
    rtbTimeout.setVisible(RTB.equals(k));
    rtbFormat.setVisible(RTB.equals(k));
    rtbMapping.setVisible(RTB.equals(k));
    postRow.setVisible(RTB.equals(k));
    boolean post = RTB.equals(k) && rtbMode.getValue() == Destination.PingMode.PING_POST;
    rtbPostUrl.setVisible(post);
    rtbPostTimeout.setVisible(post);
  }

  /** Preselects the buyer of a new target (the one whose targets are shown). */
  public void forBuyer(String buyerId) {
    buyer.setValue(buyerId);
  }

  @Override
  protected void fill(Stored stored) {
    Target t = stored == null ? null : (Target) stored.entry();
    id.setValue(t == null ? "" : t.id());
    name.setValue(t == null ? "" : t.name());
    buyer.setValue(t == null ? null : t.buyerId());
    active.setValue(t == null || t.active());
    phone.clear();
    sipUri.clear();
    sipUser.clear();
    sipPassword.clear();
    rtbUrl.clear();
    rtbTimeout.setValue("1000");
    rtbFormat.setValue(Destination.BidResponseFormat.RINGTREE);
    rtbMapping.clear();
    rtbMode.setValue(Destination.PingMode.RTB);
    rtbPostUrl.clear();
    rtbPostTimeout.clear();
    rtbMaxBid.clear();
    storedSipPassword = null;
    Destination d = t == null ? null : t.destination();
    if (d instanceof Destination.SipUri sip) {
      destinationKind.setValue(SIP);
      sipUri.setValue(sip.uri());
      sipUser.setValue(Texts.text(sip.username()));
      storedSipPassword = sip.password();
    } else if (d instanceof Destination.RtbEndpoint rtb) {
      destinationKind.setValue(RTB);
      rtbUrl.setValue(rtb.url());
      rtbTimeout.setValue(String.valueOf(rtb.timeoutMillis()));
      rtbFormat.setValue(rtb.format());
      rtbMapping.setValue(Texts.pairsText(rtb.mapping()));
      rtbMode.setValue(rtb.mode());
      rtbPostUrl.setValue(Texts.text(rtb.postUrl()));
      rtbPostTimeout.setValue(
          rtb.postTimeoutMillis() == null ? "" : String.valueOf(rtb.postTimeoutMillis()));
      rtbMaxBid.setValue(rtb.maxBid() == null ? "" : Texts.plain(rtb.maxBid().amount()));
    } else {
      destinationKind.setValue(PHONE);
      phone.setValue(d instanceof Destination.PhoneNumber p ? p.e164() : "");
    }
    fixedPrice.setValue(
        t == null || t.fixedPrice() == null ? "" : Texts.plain(t.fixedPrice().amount()));
    currency.setValue(t == null || t.fixedPrice() == null ? Money.USD : t.fixedPrice().currency());
    priority.setValue(t == null ? "1" : String.valueOf(t.priority()));
    weight.setValue(t == null ? "1" : String.valueOf(t.weight()));
    minScore.setValue(t == null || t.minScore() == null ? "" : String.valueOf(t.minScore()));
    caps.fill(t == null ? null : t.caps());
    Schedule s = t == null ? Schedule.ALWAYS : t.schedule();
    timezone.setValue(s.timezone());
    hours.show(WeekPlan.aroundTheClock(s), WeekPlan.days(s));
    holidays.show(s.holidays());
    zipUploadNote.setText("");
    zipUpload.clearFileList();
    GeoFilter g = t == null ? GeoFilter.ANYWHERE : t.geo();
    states.setValue(String.join(", ", g.states()));
    zips.setValue(String.join("\n", g.zips()));
    areaCodes.setValue(String.join(", ", g.areaCodes()));
    tagFilters.setValue(
        t == null
            ? ""
            : String.join("\n", t.tagFilters().stream().map(TargetForm::tagLine).toList()));
    duplicate.fill(t == null ? null : t.duplicateRule());
    showDestination();
  }

  static String tagLine(TagFilter f) {
    String value =
        f.comparison().listValued()
            ? String.join(",", f.values())
            : f.comparison() == Comparison.EXISTS ? "" : Texts.text(f.value());
    return (f.tag() + " " + f.comparison().jsonName() + " " + value).strip();
  }

  @Override
  protected Stored build(String targetId, Problems p) {
    if (buyer.id().isEmpty()) {
      p.add("buyerId", "a target belongs to a buyer: pick one");
    }
    Destination destination = destination(targetId, p);
    String cur = currency.getValue().strip().toUpperCase(Locale.ROOT);
    java.math.BigDecimal price =
        Texts.amountOrNull(
            fixedPrice.getValue(),
            "fixedPrice",
            p,
            "a price is an amount of 0 or more, such as 35.00");
    Money money =
        price == null ? null : p.check("currency", () -> new Money(price, cur)).orElse(null);
    int prio =
        Texts.whole(
            priority.getValue(), 0, 1, "priority", p, "a priority is a whole number, 0 or more");
    int w =
        Texts.whole(weight.getValue(), 0, 1, "weight", p, "a weight is a whole number, 0 or more");
    Integer floor =
        Texts.wholeOrNull(
            minScore.getValue(), 0, "minScore", p, "a minimum score is a whole number, 0 to 100");
    if (floor != null && floor > 100) {
      p.add("minScore", "a minimum score is a whole number, 0 to 100");
    }
    var capsValue = caps.read(p);
    Schedule schedule = schedule(p);
    GeoFilter geo = geo(p);
    List<TagFilter> filters = tagFilters(p);
    var rule = duplicate.read(p);
    if (destination == null || !p.isEmpty()) {
      return null;
    }
    Target target =
        Target.builder(targetId, buyer.id(), destination)
            .name(name.getValue().isBlank() ? targetId : name.getValue().strip())
            .fixedPrice(money)
            .priorityAndWeight(prio, w)
            .schedule(schedule)
            .geo(geo)
            .tagFilters(filters)
            .caps(capsValue)
            .duplicateRule(rule)
            .active(active.getValue())
            .minScore(floor)
            .build();
    return Stored.fresh(target);
  }

  private Destination destination(String targetId, Problems p) {
    String k = destinationKind.getValue();
    if (PHONE.equals(k)) {
      return p.check("phone", () -> new Destination.PhoneNumber(phone.getValue().strip()))
          .orElse(null);
    }
    if (SIP.equals(k)) {
      String password =
          sipPassword.getValue().isEmpty() ? storedSipPassword : sipPassword.getValue();
      String user = sipUser.getValue().isBlank() ? null : sipUser.getValue().strip();
      return p.check(
              "sipUri", () -> new Destination.SipUri(sipUri.getValue().strip(), user, password))
          .orElse(null);
    }
    if (RTB.equals(k)) {
      String url = rtbUrl.getValue().strip();
      if (url.isEmpty()) {
        p.add("rtbUrl", "an RTB target needs the URL its bids are asked at");
        return null;
      }
      Destination.BidResponseFormat format = rtbFormat.getValue();
      boolean template = format == Destination.BidResponseFormat.TEMPLATE;
      boolean urlProblem = false;
      if (!template) {
        Optional<String> problem = OutboundUrl.problem(url);
        problem.ifPresent(reason -> p.add("rtbUrl", "target " + targetId + ": RTB URL: " + reason));
        urlProblem = problem.isPresent();
      }
      Integer timeout =
          Texts.wholeOrNull(
              rtbTimeout.getValue(),
              0,
              "rtbTimeout",
              p,
              "a timeout is a whole number of milliseconds");
      Map<String, String> mapping =
          Texts.pairs(rtbMapping.getValue(), "rtbMapping", p, "each line is key=value");
      boolean readsPaths = template || format == Destination.BidResponseFormat.MAPPING;
      boolean pingPost = rtbMode.getValue() == Destination.PingMode.PING_POST;
      for (String key : mapping.keySet()) {
        boolean known =
            key.startsWith(RtbRequestTemplate.FIELD_PREFIX)
                || key.startsWith(RtbRequestTemplate.HEADER_PREFIX)
                || (pingPost && key.startsWith(PingPost.HEADER_PREFIX))
                || (pingPost && readsPaths && POST_ANSWER_KEYS.contains(key))
                || (readsPaths && MAPPING_KEYS.contains(key))
                || (template && TEMPLATE_KEYS.contains(key));
        if (!known) {
          p.add(
              "rtbMapping",
              readsPaths
                  ? "unknown key "
                      + key
                      + "; answer keys are "
                      + String.join(", ", new java.util.TreeSet<>(MAPPING_KEYS))
                      + (template ? ", request keys request.method, request.body …" : "")
                  : "a " + format + " target takes field.NAME and request.header.NAME; got " + key);
        }
      }
      if (readsPaths && !mapping.containsKey("amount")) {
        p.add("rtbMapping", "a " + format + " answer needs at least amount=<JSON path of the bid>");
      }
      Map<String, String> m = mapping;
      int ms = timeout == null ? 0 : timeout;
      Integer postMs =
          Texts.wholeOrNull(
              rtbPostTimeout.getValue(),
              0,
              "rtbPostTimeout",
              p,
              "a timeout is a whole number of milliseconds");
      Money max =
          rtbMaxBid.getValue().isBlank()
              ? null
              : p.check(
                      "rtbMaxBid",
                      () ->
                          Money.of(
                              rtbMaxBid.getValue().strip(),
                              currency.getValue().strip().toUpperCase(Locale.ROOT)))
                  .orElse(null);
      Destination.PingMode mode = rtbMode.getValue();
      String postUrl = rtbPostUrl.getValue();
      Destination.RtbEndpoint endpoint =
          p.check(
                  pingPost && postUrl.isBlank() ? "rtbPostUrl" : "rtbTimeout",
                  () ->
                      new Destination.RtbEndpoint(
                          url, ms, format, m, mode, pingPost ? postUrl : null, postMs, max))
              .orElse(null);
      if (endpoint != null && !urlProblem) {
        RtbRequestTemplate.problem(endpoint)
            .ifPresent(
                reason ->
                    p.add(
                        reason.startsWith("the post: ")
                            ? (reason.contains("URL") ? "rtbPostUrl" : "rtbMapping")
                            : reason.contains("URL") ? "rtbUrl" : "rtbMapping",
                        "target " + targetId + ": RTB request: " + reason));
      }
      return endpoint;
    }
    p.add("destinationKind", "choose where the target takes calls");
    return null;
  }

  private Schedule schedule(Problems p) {
    String zone = timezone.getValue() == null ? "" : timezone.getValue();
    try {
      ZoneId.of(zone);
    } catch (RuntimeException e) {
      p.add("timezone", "hours need a time zone, an IANA name such as America/New_York");
      return null;
    }
    return WeekPlan.schedule(zone, hours.isAroundTheClock(), hours.plan(), holidays.dates(), p);
  }

  /**
   * An uploaded ZIP list: its codes replace the field's (shown before saving), or, when a line
   * holds something else, the field is marked with each bad line and keeps what it had.
   */
  void zipFile(String fileName, byte[] bytes) {
    ZipList.Result result = ZipList.parse(new String(bytes, StandardCharsets.UTF_8));
    zipUpload.clearFileList();
    if (!result.ok()) {
      int shown = Math.min(5, result.problems().size());
      String more =
          result.problems().size() > shown
              ? "; and " + (result.problems().size() - shown) + " more"
              : "";
      zips.setErrorMessage(
          fileName + " not used: " + String.join("; ", result.problems().subList(0, shown)) + more);
      zips.setInvalid(true);
      zipUploadNote.setText("");
      return;
    }
    zips.setInvalid(false);
    zips.setValue(String.join("\n", result.zips()));
    zipUploadNote.setText(
        result.zips().size()
            + " ZIP codes read from "
            + fileName
            + "; they replace the list above and are kept when you save.");
  }

  private GeoFilter geo(Problems p) {
    Set<String> st = new TreeSet<>();
    for (String s : Texts.items(states.getValue())) {
      String code = s.toUpperCase(Locale.ROOT);
      if (!code.matches("[A-Z]{2}")) {
        p.add("states", "a state is a two-letter code such as CA; got \"" + s + "\"");
      }
      st.add(code);
    }
    Set<String> z = new TreeSet<>();
    for (String s : Texts.items(zips.getValue())) {
      if (!s.matches("[0-9]{5}")) {
        p.add("zips", "a ZIP code is five digits such as 90210; got \"" + s + "\"");
      }
      z.add(s);
    }
    Set<String> ac = new TreeSet<>();
    for (String s : Texts.items(areaCodes.getValue())) {
      if (!s.matches("[2-9][0-9]{2}")) {
        p.add("areaCodes", "an area code is three digits such as 512; got \"" + s + "\"");
      }
      ac.add(s);
    }
    return new GeoFilter(st, z, ac);
  }

  private List<TagFilter> tagFilters(Problems p) {
    List<TagFilter> out = new ArrayList<>();
    for (String line : Texts.lines(tagFilters.getValue())) {
      String[] parts = line.split("\\s+", 3);
      if (parts.length < 2) {
        p.add(
            "tagFilters",
            "each line is: tag comparison value, such as channel equals radio; got \""
                + line
                + "\"");
        continue;
      }
      Comparison c;
      try {
        c = comparison(parts[1]);
      } catch (IllegalArgumentException e) {
        p.add("tagFilters", e.getMessage() + " (in \"" + line + "\")");
        continue;
      }
      String value = parts.length > 2 ? parts[2].strip() : "";
      if (c != Comparison.EXISTS && value.isEmpty()) {
        p.add("tagFilters", c.jsonName() + " needs a value to compare with (in \"" + line + "\")");
        continue;
      }
      if (c.numeric()) {
        try {
          new java.math.BigDecimal(value);
        } catch (NumberFormatException e) {
          p.add("tagFilters", c.jsonName() + " compares numbers; got \"" + value + "\"");
          continue;
        }
      }
      if (c == Comparison.REGEX) {
        try {
          Pattern.compile(value);
        } catch (PatternSyntaxException e) {
          p.add("tagFilters", "not a regular expression: " + value);
          continue;
        }
      }
      out.add(
          c.listValued()
              ? new TagFilter(parts[0], c, null, Texts.items(value))
              : new TagFilter(parts[0], c, c == Comparison.EXISTS ? null : value, List.of()));
    }
    return out;
  }

  private static Comparison comparison(String word) {
    for (Comparison c : Comparison.values()) {
      if (c.jsonName().equalsIgnoreCase(word) || c.name().equalsIgnoreCase(word)) {
        return c;
      }
    }
    return Comparison.fromJson(word); // refuses with the rules' words
  }
}
