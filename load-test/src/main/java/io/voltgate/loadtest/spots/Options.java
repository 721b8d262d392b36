package io.voltgate.loadtest.spots;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --key value} and {@code --flag} arguments of the spot commands. */
final class Options {

  private Options() {}

  static Map<String, String> parse(String[] args, Set<String> valued, Set<String> flags, String usage) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a + "\n" + usage);
      }
      String key = a.substring(2);
      if (flags.contains(key)) {
        o.put(key, "true");
      } else if (valued.contains(key)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + key + " needs a value");
        }
        o.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option --" + key + "\n" + usage);
      }
    }
    return o;
  }
}
