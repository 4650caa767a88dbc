package org.videoorganizer.jellyfin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Translates paths as the daemon sees them ({@code /mnt/box/Movies}) into paths as the Jellyfin
 * server sees them ({@code /media/Movies}) and back. The longest matching prefix wins; prefixes
 * only match whole path components. With no rules, paths are the same on both sides.
 *
 * <p>Jellyfin paths are kept as strings: the server may run on Windows ({@code D:\Media}), in
 * which case the relative part is joined with backslashes.
 */
public record PathMap(List<Rule> rules) {

  /** One prefix pair: {@code local} as the daemon sees it, {@code remote} as Jellyfin sees it. */
  public record Rule(Path local, String remote) {
    public Rule {
      if (local == null || !local.isAbsolute()) {
        throw new IllegalArgumentException("a rule of " + JellyfinSettings.PATH_MAP_SETTING
            + " needs an absolute local path before '=', got: " + local);
      }
      if (remote == null || remote.isBlank()) {
        throw new IllegalArgumentException("the rule of " + JellyfinSettings.PATH_MAP_SETTING + " for " + local
            + " needs the path as Jellyfin sees it after '=', got: '" + remote + "'");
      }
      local = local.normalize();
      remote = stripTrailingSeparator(remote.strip());
    }
  }

  public PathMap {
    rules = List.copyOf(rules);
  }

  /** The identity map: Jellyfin sees the same paths as the daemon. */
  public static PathMap identity() {
    return new PathMap(List.of());
  }

  /**
   * Parses {@code local=remote} pairs separated by {@code ;}, for example
   * {@code /mnt/box/Movies=/media/Movies;/mnt/box/Shows=/media/Shows}.
   */
  public static PathMap parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return identity();
    }
    List<Rule> rules = new ArrayList<>();
    for (String pair : spec.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new IllegalArgumentException(
            "each entry of " + JellyfinSettings.PATH_MAP_SETTING
                + " must look like /local/path=/jellyfin/path (entries separated by ';'), got: '" + pair.strip() + "'");
      }
      rules.add(new Rule(Path.of(pair.substring(0, eq).strip()), pair.substring(eq + 1)));
    }
    return new PathMap(rules);
  }

  /** The path Jellyfin sees for a local path, or empty when no rule covers it. */
  public Optional<String> toJellyfin(Path local) {
    Path normal = local.toAbsolutePath().normalize();
    if (rules.isEmpty()) {
      return Optional.of(normal.toString());
    }
    return rules.stream()
        .filter(rule -> normal.startsWith(rule.local()))
        .max(Comparator.comparingInt(rule -> rule.local().getNameCount()))
        .map(rule -> join(rule.remote(), rule.local().relativize(normal)));
  }

  /**
   * The local path for a path Jellyfin reports, or empty when no rule covers it or when
   * {@code ..} components would lead out of the rule's local folder.
   */
  public Optional<Path> toLocal(String jellyfinPath) {
    if (rules.isEmpty()) {
      return Optional.of(Path.of(jellyfinPath).normalize());
    }
    return rules.stream()
        .filter(rule -> isUnder(jellyfinPath, rule.remote()))
        .max(Comparator.comparingInt(rule -> rule.remote().length()))
        .flatMap(rule -> resolveInside(rule, jellyfinPath));
  }

  private static Optional<Path> resolveInside(Rule rule, String jellyfinPath) {
    Path local = rule.local().resolve(relativeRemote(jellyfinPath, rule.remote())).normalize();
    return local.startsWith(rule.local()) ? Optional.of(local) : Optional.empty();
  }

  /** Whether {@code path} equals {@code root} or lies below it, comparing whole components. */
  public static boolean isUnder(String path, String root) {
    String p = stripTrailingSeparator(path);
    String r = stripTrailingSeparator(root);
    if (p.equals(r)) {
      return true;
    }
    return p.startsWith(r) && (p.charAt(r.length()) == '/' || p.charAt(r.length()) == '\\');
  }

  private static String join(String remote, Path relative) {
    if (relative.toString().isEmpty()) {
      return remote;
    }
    char sep = remote.contains("\\") && !remote.contains("/") ? '\\' : '/';
    String rel = relative.toString().replace('/', sep);
    return remote + sep + rel;
  }

  private static String relativeRemote(String jellyfinPath, String remote) {
    String rest = stripTrailingSeparator(jellyfinPath).substring(remote.length());
    return rest.replace('\\', '/').replaceFirst("^/+", "");
  }

  private static String stripTrailingSeparator(String path) {
    String p = path;
    while (p.length() > 1 && (p.endsWith("/") || p.endsWith("\\"))) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
