package org.ringtree.runtime.config;

/** A setting is missing or unsafe; the message names the setting and how to fix it. */
public class InvalidConfigurationException extends RuntimeException {

  private final String action;

  public InvalidConfigurationException(String problem, String action) {
    super(problem);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
