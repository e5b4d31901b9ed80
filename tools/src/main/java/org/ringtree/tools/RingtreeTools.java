package org.ringtree.tools;

import java.util.Arrays;
import org.ringtree.tools.cli.SimulatedCallCommand;
import org.ringtree.tools.driver.LoadGenerator;

/**
 * The developer tools' jar: {@code call} places a simulated call, {@code load} load-tests a running
 * platform. Kept out of the platform's jar, which serves calls and needs neither.
 */
public final class RingtreeTools {

  private RingtreeTools() {}

  public static void main(String[] args) {
    String command = args.length > 0 ? args[0] : "";
    String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (command) {
      case "call" -> SimulatedCallCommand.main(rest);
      case "load" -> LoadGenerator.main(rest);
      default -> {
        System.err.println("usage: ./ringtree call [--help] | load [--help]");
        System.exit(2);
      }
    }
  }
}
