package org.videoorganizer.jellyfin.client;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's path substitutions: library folders' network paths ({@code PathInfos},
 * {@code Path} to {@code NetworkPath}) and {@code ServerConfiguration.PathSubstitutions}
 * ({@code From} to {@code To}). Jellyfin applies the first whose own path is a folder prefix of
 * an item's path to the {@code Path} that {@code /Items} shows
 * ({@code LibraryManager.GetPathAfterNetworkSubstitution}, {@code TryReplaceSubPath}: case-
 * insensitive, the rest of the path takes the separator of the new prefix). {@link #original}
 * undoes that, so a shown path can be compared with the path we announced.
 */
public record PathSubstitutions(List<Rule> rules) {

  /** One substitution: Jellyfin's own path prefix {@code from}, shown as {@code to}. */
  public record Rule(String from, String to) {}

  public static final PathSubstitutions NONE = new PathSubstitutions(List.of());

  public PathSubstitutions {
    rules = rules.stream().filter(r -> !trimmed(r.from()).isEmpty() && !trimmed(r.to()).isEmpty()).toList();
  }

  /** The path as Jellyfin stores it, for a path {@code /Items} showed. */
  public String original(String shown) {
    for (Rule r : rules) {
      Optional<String> back = replacePrefix(shown, r.to(), r.from());
      if (back.isPresent()) {
        return back.get();
      }
    }
    return shown;
  }

  /** These rules, then {@code later}'s. */
  public PathSubstitutions then(PathSubstitutions later) {
    return new PathSubstitutions(java.util.stream.Stream.concat(rules.stream(), later.rules().stream()).toList());
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  private static Optional<String> replacePrefix(String path, String prefix, String replacement) {
    String p = trimmed(prefix);
    if (path.length() < p.length() || !path.substring(0, p.length()).toLowerCase(Locale.ROOT)
        .equals(p.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    String rest = path.substring(p.length());
    if (!rest.isEmpty() && rest.charAt(0) != '/' && rest.charAt(0) != '\\') {
      return Optional.empty();
    }
    String target = trimmed(replacement);
    if (target.contains("/")) {
      rest = rest.replace('\\', '/');
    } else if (target.contains("\\")) {
      rest = rest.replace('/', '\\');
    }
    return Optional.of(target + rest);
  }

  private static String trimmed(String s) {
    String t = s == null ? "" : s.strip();
    while (t.length() > 1 && (t.endsWith("/") || t.endsWith("\\"))) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }
}
