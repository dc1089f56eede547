package dev.megalite.server;

/** A {@code --host-port} value: {@code [ADDRESS][:PORT]}, an IPv6 address in brackets. */
record HostPort(String host, int port) {
  static final String DEFAULT_HOST = "localhost";
  static final int DEFAULT_PORT = 8081;

  static HostPort parse(String text) {
    String host = text;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("--host-port '" + text + "': unclosed '['");
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("--host-port '" + text + "': expected ':' after ']'");
        }
        port = rest.substring(1);
      }
    } else {
      int colon = text.lastIndexOf(':');
      if (colon != text.indexOf(':')) {
        throw new IllegalArgumentException("--host-port '" + text
            + "': put an IPv6 address in brackets, as in [::1]:8081");
      }
      if (colon >= 0) {
        host = text.substring(0, colon);
        port = text.substring(colon + 1);
      }
    }
    int p = DEFAULT_PORT;
    if (port != null) {
      try {
        p = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        p = -1;
      }
      if (p < 0 || p > 65_535) {
        throw new IllegalArgumentException("--host-port '" + text + "': port '" + port
            + "' is not a number in 0..65535");
      }
    }
    return new HostPort(host.isEmpty() ? DEFAULT_HOST : host, p);
  }

  /** {@code host:port}, an IPv6 address in brackets. */
  static String format(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
