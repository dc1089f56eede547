package dev.megalite.examples;

/** Command-line options of the model-layer examples: {@code --name value} pairs. */
final class ExampleArgs {
  private ExampleArgs() {}

  /** The value after {@code name} in {@code args}, or {@code dflt}. */
  static String value(String[] args, String name, String dflt) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }
}
