package org.videoorganizer.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.videoorganizer.config.VorgConfig.AlertsConfig;
import org.videoorganizer.config.VorgConfig.BackupConfig;
import org.videoorganizer.config.VorgConfig.MetricsConfig;

/** The {@code metrics}, {@code backup} and {@code alerts} sections. */
final class Operations {

  static final Set<String> TEMPLATES = Set.of("generic", "ntfy", "gotify", "discord", "apprise");

  private Operations() {}

  static MetricsConfig metrics(Node node) {
    node.onlyKeys(Set.of("open_on_loopback"));
    return new MetricsConfig(node.child("open_on_loopback").bool());
  }

  static BackupConfig backup(Node node, Paths paths) {
    node.onlyKeys(Set.of("dir", "every", "keep"));
    Node dir = node.child("dir");
    Optional<Path> where = dir.text().filter(t -> !t.isBlank()).map(t -> paths.resolve(dir));
    return new BackupConfig(where, node.child("every").duration(), node.child("keep").integer(1, 1000));
  }

  static AlertsConfig alerts(Node node, Secrets secrets) {
    node.onlyKeys(Set.of("template", "unreachable_for", "failures_above", "review_above", "rate_limit"));
    Optional<Secret> url = secrets.get("VORG_ALERTS_URL");
    url.ifPresent(u -> {
      String text = u.reveal();
      if (!text.startsWith("http://") && !text.startsWith("https://")) {
        throw new ConfigException("VORG_ALERTS_URL", "(redacted, " + text.length() + " characters)",
            "an http(s) URL such as https://ntfy.sh/my-topic");
      }
    });
    Node template = node.child("template");
    String name = template.requiredText("one of " + TEMPLATES);
    if (!TEMPLATES.contains(name)) {
      throw new ConfigException(template.key(), name, "one of " + TEMPLATES);
    }
    return new AlertsConfig(url, name, node.child("unreachable_for").duration(),
        node.child("failures_above").integer(0, 1_000_000), node.child("review_above").integer(0, 1_000_000),
        node.child("rate_limit").duration());
  }
}
