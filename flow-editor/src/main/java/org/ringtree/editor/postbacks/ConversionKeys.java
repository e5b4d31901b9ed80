package org.ringtree.editor.postbacks;

/** One buyer's conversion postback as its panel shows it: the URL, a new key, the test path. */
public interface ConversionKeys {

  /** The absolute URL the buyer's systems call, with the call id placeholder. */
  String conversionUrl();

  /** The endpoint's path on this server, which the test button requests from the browser. */
  String testPath();

  /** Issues (or replaces) the key; shown once. */
  String issueKey();
}
