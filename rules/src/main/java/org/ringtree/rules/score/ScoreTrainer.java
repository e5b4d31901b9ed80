package org.ringtree.rules.score;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a {@link ScoreModel} from labelled calls with Tribuo's logistic regression (linear SGD,
 * log loss, AdaGrad; Apache-2.0): the latest {@code heldOut} share of the calls by arrival is kept
 * out of training and measured ({@link ModelQuality}), as the model will meet calls that came after
 * it. Tribuo's weights are copied into the model, so scoring does not run through Tribuo.
 * Deterministic for a seed.
 */
public final class ScoreTrainer {

  static final String POSITIVE = "positive";
  static final String NEGATIVE = "negative";

  /** Fewest calls worth training on; the quality figures decide whether the model is any use. */
  public static final int MIN_ROWS = 100;

  private static final int REFERENCE_POINTS = 1001;

  /** How to train: its name, what the label means, the held-out share, SGD's epochs and seed. */
  public record Options(
      String name, String label, double heldOut, int epochs, double learningRate, long seed) {
    public Options {
      if (!(heldOut > 0 && heldOut < 1)) {
        throw new IllegalArgumentException("the held-out share is between 0 and 1, not " + heldOut);
      }
      if (epochs < 1) {
        throw new IllegalArgumentException("at least one epoch");
      }
    }

    public static Options defaults(String name, String label) {
      return new Options(name, label, 0.2, 5, 0.1, 1L);
    }
  }

  private final Clock clock;

  public ScoreTrainer(Clock clock) {
    this.clock = clock;
  }

  public ScoreModel train(List<LabelledCall> calls, Options options) {
    if (calls.size() < MIN_ROWS) {
      throw new IllegalArgumentException(
          "not enough labelled calls to train: " + calls.size() + ", at least " + MIN_ROWS);
    }
    List<LabelledCall> ordered = new ArrayList<>(calls);
    ordered.sort(Comparator.comparing(LabelledCall::at));
    int cut = (int) Math.round(ordered.size() * (1 - options.heldOut()));
    List<LabelledCall> training = ordered.subList(0, cut);
    List<LabelledCall> heldOut = ordered.subList(cut, ordered.size());
    if (heldOut.isEmpty()) {
      throw new IllegalArgumentException(
          "a held-out share of " + options.heldOut() + " leaves no call to measure the model on");
    }

    LabelFactory labels = new LabelFactory();
    Label yes = new Label(POSITIVE);
    Label no = new Label(NEGATIVE);
    List<Example<Label>> examples = new ArrayList<>(training.size());
    Map<String, Integer> seen = new HashMap<>();
    Map<String, String> interned = new HashMap<>();
    int positives = 0;
    for (LabelledCall c : training) {
      List<String> keys = ScoreEncoder.encode(c.features());
      String[] names = new String[keys.size()];
      double[] ones = new double[keys.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = interned.computeIfAbsent(keys.get(i), k -> k);
        ones[i] = 1;
        seen.merge(names[i], 1, Integer::sum);
      }
      ArrayExample<Label> e = new ArrayExample<>(c.positive() ? yes : no, names, ones);
      e.setWeight((float) c.weight());
      examples.add(e);
      positives += c.positive() ? 1 : 0;
    }
    if (positives == 0 || positives == training.size()) {
      throw new IllegalArgumentException(
          "every training call has the same label: nothing to learn from");
    }
    MutableDataset<Label> dataset =
        new MutableDataset<>(
            new ListDataSource<>(
                examples,
                labels,
                new SimpleDataSourceProvenance("ringtree labelled calls", labels)));
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(
            new LogMulticlass(),
            new AdaGrad(options.learningRate(), 0.1),
            options.epochs(),
            Integer.MAX_VALUE,
            1,
            options.seed());
    LinearSGDModel tribuo = trainer.train(dataset);

    // two classes under softmax: the log-odds of "positive" are the difference of the two rows
    DenseMatrix w = tribuo.getWeightsCopy();
    int p = tribuo.getOutputIDInfo().getID(yes);
    int n = tribuo.getOutputIDInfo().getID(no);
    int biasColumn = w.getDimension2Size() - 1;
    double bias = w.get(p, biasColumn) - w.get(n, biasColumn);
    Map<String, Double> weights = new HashMap<>();
    Map<String, Double> groupAverages = new HashMap<>();
    double rows = training.size();
    for (String key : seen.keySet()) {
      int id = tribuo.getFeatureIDMap().getID(key);
      if (id < 0) {
        continue;
      }
      double weight = w.get(p, id) - w.get(n, id);
      weights.put(key, weight);
      groupAverages.merge(ScoreEncoder.group(key), weight * seen.get(key) / rows, Double::sum);
    }

    // rank against the training calls' own predictions
    ScoreModel.About provisional =
        new ScoreModel.About(
            options.name(),
            options.label(),
            clock.instant(),
            ordered.get(0).at(),
            ordered.get(ordered.size() - 1).at(),
            training.size(),
            "Tribuo 4.3 LinearSGDTrainer (logistic regression, AdaGrad)",
            null);
    ScoreModel raw = new ScoreModel(provisional, bias, weights, groupAverages, new double[] {0.5});
    double[] trained = new double[training.size()];
    for (int i = 0; i < trained.length; i++) {
      trained[i] = raw.probability(training.get(i).features());
    }
    Arrays.sort(trained);
    double[] reference = new double[Math.min(REFERENCE_POINTS, trained.length)];
    for (int i = 0; i < reference.length; i++) {
      reference[i] =
          trained[(int) ((long) i * (trained.length - 1) / Math.max(1, reference.length - 1))];
    }

    double[] predicted = new double[heldOut.size()];
    boolean[] actual = new boolean[heldOut.size()];
    for (int i = 0; i < predicted.length; i++) {
      predicted[i] = raw.probability(heldOut.get(i).features());
      actual[i] = heldOut.get(i).positive();
    }
    ModelQuality quality = ModelQuality.measure(predicted, actual, positives / rows);
    ScoreModel.About about =
        new ScoreModel.About(
            provisional.name(),
            provisional.label(),
            provisional.trainedAt(),
            provisional.dataFrom(),
            provisional.dataTo(),
            provisional.trainingRows(),
            provisional.library(),
            quality);
    return new ScoreModel(about, bias, weights, groupAverages, reference);
  }
}
