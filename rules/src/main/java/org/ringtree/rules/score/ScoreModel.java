package org.ringtree.rules.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.ringtree.rules.json.RingtreeJson;

/**
 * A learned score: a logistic regression over {@link ScoreEncoder}'s one-hot keys, trained by
 * {@link ScoreTrainer}. Scoring is a few hash lookups and one exponential, with no library on the
 * path. The probability of the label is ranked against the training calls' own predictions, so the
 * score reads "better than N % of the calls the model learned from" whatever the network's base
 * rate; each reason is a feature group's contribution to the log-odds against the training average
 * (for a linear model, its exact Shapley value), turned into the points it moved the score from
 * that average call's score.
 */
public final class ScoreModel {

  /** How many reasons a score carries. */
  public static final int TOP_REASONS = 5;

  static final String MAGIC = "RINGTREE-SCORE-MODEL";
  static final int FORMAT = 1;

  /** What the model was trained on and how it did: kept with every version. */
  public record About(
      String name,
      String label,
      Instant trainedAt,
      Instant dataFrom,
      Instant dataTo,
      int trainingRows,
      String library,
      ModelQuality quality) {}

  private record Weight(double value, int group) {}

  private final About about;
  private final double bias;
  private final Map<String, Double> weights;
  private final Map<String, Double> groupAverages;
  private final double[] reference;
  // derived for scoring
  private final Map<String, Weight> index = new HashMap<>();
  private final String[] groups;
  private final double[] groupAverage;
  private final double averageLogit;
  private final int baseValue;

  ScoreModel(
      About about,
      double bias,
      Map<String, Double> weights,
      Map<String, Double> groupAverages,
      double[] reference) {
    this.about = Objects.requireNonNull(about, "about");
    this.bias = bias;
    this.weights = Map.copyOf(weights);
    this.groupAverages = Map.copyOf(groupAverages);
    this.reference = reference.clone();
    if (this.reference.length == 0) {
      throw new IllegalArgumentException("a model needs its training predictions to rank against");
    }
    for (int i = 1; i < this.reference.length; i++) {
      if (!(this.reference[i - 1] <= this.reference[i])) {
        throw new IllegalArgumentException("the training predictions are sorted");
      }
    }
    List<String> names = new ArrayList<>(new TreeMap<>(groupAverages).keySet());
    groups = names.toArray(String[]::new);
    groupAverage = new double[groups.length];
    Map<String, Integer> at = new HashMap<>();
    double avg = bias;
    for (int g = 0; g < groups.length; g++) {
      at.put(groups[g], g);
      groupAverage[g] = groupAverages.get(groups[g]);
      avg += groupAverage[g];
    }
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      Integer g = at.get(ScoreEncoder.group(w.getKey()));
      if (g == null) {
        throw new IllegalArgumentException("weight " + w.getKey() + " belongs to no group");
      }
      index.put(w.getKey(), new Weight(w.getValue(), g));
    }
    averageLogit = avg;
    baseValue = rank(sigmoid(avg));
  }

  public About about() {
    return about;
  }

  /** This model under another name (the version the store gives it). */
  public ScoreModel named(String name) {
    About a = about;
    return new ScoreModel(
        new About(
            name,
            a.label(),
            a.trainedAt(),
            a.dataFrom(),
            a.dataTo(),
            a.trainingRows(),
            a.library(),
            a.quality()),
        bias,
        weights,
        groupAverages,
        reference);
  }

  /** The probability of the label for a call. */
  public double probability(ScoreFeatures f) {
    double z = bias;
    for (String key : ScoreEncoder.encode(f)) {
      Weight w = index.get(key);
      if (w != null) {
        z += w.value();
      }
    }
    return sigmoid(z);
  }

  public Score score(ScoreFeatures f) {
    double z = bias;
    double[] sums = new double[groups.length];
    for (String key : ScoreEncoder.encode(f)) {
      Weight w = index.get(key);
      if (w != null) {
        z += w.value();
        sums[w.group()] += w.value();
      }
    }
    double p = sigmoid(z);
    int value = rank(p);
    double dz = z - averageLogit;
    double perLogit = Math.abs(dz) < 1e-9 ? 0 : (value - baseValue) / dz;
    // the groups that moved the log-odds most, largest first
    double[] phi = new double[groups.length];
    for (int g = 0; g < groups.length; g++) {
      phi[g] = sums[g] - groupAverage[g];
    }
    boolean[] used = new boolean[groups.length];
    List<ScoreReason> reasons = new ArrayList<>(TOP_REASONS);
    for (int k = 0; k < TOP_REASONS; k++) {
      int best = -1;
      for (int g = 0; g < groups.length; g++) {
        if (!used[g] && (best < 0 || Math.abs(phi[g]) > Math.abs(phi[best]))) {
          best = g;
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      int points = (int) Math.round(phi[best] * perLogit);
      if (points != 0) {
        reasons.add(new ScoreReason(groups[best], ScoreEncoder.describe(groups[best], f), points));
      }
    }
    return new Score(
        value, baseValue, Score.Source.MODEL, about.name(), OptionalDouble.of(p), reasons, "");
  }

  /** Where {@code p} ranks among the training calls' predictions, 0–100 (ties count half). */
  int rank(double p) {
    int lo = 0;
    int hi = reference.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (reference[mid] < p) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int below = lo;
    hi = reference.length;
    int from = lo;
    while (from < hi) {
      int mid = (from + hi) >>> 1;
      if (reference[mid] <= p) {
        from = mid + 1;
      } else {
        hi = mid;
      }
    }
    double share = (below + from) / 2.0 / reference.length;
    return (int) Math.round(100 * share);
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  // ---- bytes

  /** What is stored: everything the model needs, as JSON under a header and a checksum. */
  record Stored(
      int format,
      int encoderVersion,
      About about,
      double bias,
      Map<String, Double> weights,
      Map<String, Double> groupAverages,
      double[] reference) {}

  /** The model as bytes: a header line {@code RINGTREE-SCORE-MODEL 1 <crc32>} and the JSON body. */
  public byte[] toBytes() {
    String body =
        RingtreeJson.write(
            new Stored(
                FORMAT,
                ScoreEncoder.VERSION,
                about,
                bias,
                new TreeMap<>(weights),
                new TreeMap<>(groupAverages),
                reference));
    byte[] json = body.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(json);
    String header = MAGIC + " " + FORMAT + " " + Long.toHexString(crc.getValue()) + "\n";
    byte[] head = header.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + json.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(json, 0, out, head.length, json.length);
    return out;
  }

  /**
   * A model from its bytes; anything else (another file, a damaged or truncated model, a model for
   * another encoder or format) is refused with an {@link UnreadableModelException} saying why.
   */
  public static ScoreModel fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new UnreadableModelException("the file is empty");
    }
    int nl = -1;
    for (int i = 0; i < Math.min(bytes.length, 80); i++) {
      if (bytes[i] == '\n') {
        nl = i;
        break;
      }
    }
    String header = nl < 0 ? "" : new String(bytes, 0, nl, StandardCharsets.US_ASCII);
    String[] parts = header.split(" ");
    if (parts.length != 3 || !parts[0].equals(MAGIC)) {
      throw new UnreadableModelException(
          "it does not start with the " + MAGIC + " header (another kind of file?)");
    }
    if (!parts[1].equals(String.valueOf(FORMAT))) {
      throw new UnreadableModelException(
          "format " + parts[1] + " is not the format this version reads (" + FORMAT + ")");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, nl + 1, bytes.length - nl - 1);
    if (!Long.toHexString(crc.getValue()).equals(parts[2])) {
      throw new UnreadableModelException("its checksum does not match (damaged or truncated)");
    }
    Stored s;
    try {
      s =
          RingtreeJson.mapper()
              .readValue(
                  new String(bytes, nl + 1, bytes.length - nl - 1, StandardCharsets.UTF_8),
                  Stored.class);
    } catch (JsonProcessingException e) {
      throw new UnreadableModelException("its body is not the model's JSON", e);
    }
    if (s.encoderVersion() != ScoreEncoder.VERSION) {
      throw new UnreadableModelException(
          "it was trained on encoder version "
              + s.encoderVersion()
              + "; this version encodes calls as version "
              + ScoreEncoder.VERSION
              + " (train it again)");
    }
    if (s.about() == null
        || s.weights() == null
        || s.groupAverages() == null
        || s.reference() == null) {
      throw new UnreadableModelException("parts of the model are missing");
    }
    if (!Double.isFinite(s.bias())
        || s.weights().values().stream().anyMatch(w -> w == null || !Double.isFinite(w))
        || s.groupAverages().values().stream().anyMatch(w -> w == null || !Double.isFinite(w))) {
      throw new UnreadableModelException("it holds weights that are not finite numbers");
    }
    try {
      return new ScoreModel(s.about(), s.bias(), s.weights(), s.groupAverages(), s.reference());
    } catch (IllegalArgumentException e) {
      throw new UnreadableModelException(e.getMessage(), e);
    }
  }
}
