package org.ringtree.rules.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.directory.Destination;

/**
 * The one Jackson configuration for everything the rules module serialises (call state, traces,
 * compiled flows, directory snapshots): sorted keys for byte-stable output, ISO dates, sealed types
 * tagged with a {@code type} property, and bounded input.
 */
public final class RingtreeJson {

  /** Nesting deeper than this is not a flow document, it is an attack. */
  public static final int MAX_NESTING = 32;

  /** Longest single string accepted from a document. */
  public static final int MAX_STRING = 65_536;

  private static final ObjectMapper MAPPER = build();

  private RingtreeJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * The value as compact JSON; null stays null (a SQL NULL, not the text {@code null}). Everything
   * Ringtree stores or sends as JSON text is written here.
   */
  public static String write(Object value) {
    return value == null ? null : write(MAPPER.writer(), value);
  }

  /** The value as indented JSON with a final newline: the canonical text of stored documents. */
  public static String writePretty(Object value) {
    return write(MAPPER.writerWithDefaultPrettyPrinter(), value) + "\n";
  }

  private static String write(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Destination.PhoneNumber.class, name = "phone"),
    @JsonSubTypes.Type(value = Destination.SipUri.class, name = "sip"),
    @JsonSubTypes.Type(value = Destination.RtbEndpoint.class, name = "rtb")
  })
  interface DestinationMixin {}

  /**
   * A ping-only endpoint without a post or declared maximum is written as before ping-post existed,
   * so stored targets and the versions compiled from them keep their JSON and hashes.
   */
  interface RtbEndpointMixin {
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = PingOnly.class)
    Destination.PingMode mode();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    String postUrl();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    Integer postTimeoutMillis();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    org.ringtree.rules.money.Money maxBid();
  }

  /** Leaves out the default mode (the value filter's {@code equals} says "exclude"). */
  static final class PingOnly {
    @Override
    public boolean equals(Object value) {
      return value == null || value == Destination.PingMode.RTB;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = CallInstruction.Say.class, name = "say"),
    @JsonSubTypes.Type(value = CallInstruction.Play.class, name = "play"),
    @JsonSubTypes.Type(value = CallInstruction.Pause.class, name = "pause"),
    @JsonSubTypes.Type(value = CallInstruction.Gather.class, name = "gather"),
    @JsonSubTypes.Type(value = CallInstruction.Record.class, name = "record"),
    @JsonSubTypes.Type(value = CallInstruction.Dial.class, name = "dial"),
    @JsonSubTypes.Type(value = CallInstruction.Hangup.class, name = "hangup"),
    @JsonSubTypes.Type(value = CallInstruction.CampaignFallback.class, name = "campaignFallback")
  })
  interface CallInstructionMixin {}

  private static ObjectMapper build() {
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addMixIn(Destination.class, DestinationMixin.class)
            .addMixIn(Destination.RtbEndpoint.class, RtbEndpointMixin.class)
            .addMixIn(CallInstruction.class, CallInstructionMixin.class)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // Only record components are data: helpers like Money.isZero() stay out of the JSON.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_STRING)
                .maxNumberLength(40)
                .build());
    return mapper;
  }
}
