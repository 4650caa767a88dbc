package org.videoorganizer.daemon.cli;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.videoorganizer.config.ConfigException;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.daemon.backup.BackupArchive;
import org.videoorganizer.daemon.backup.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vorg backup [--config FILE] [--out FILE]}: one archive now, while the daemon runs or not. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Writes an archive of what the library cannot rebuild: the database (embedded or external),",
      "the organize journals and the configuration file (which holds no secrets). Consistent",
      "while the daemon runs. Prints one JSON line: the file, its size, rows per table, seconds.",
      "Bring it back with 'vorg restore'."
    })
final class BackupCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "The YAML configuration; VORG_* variables override it.")
  Path config;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "The archive to write (must not exist). Default: vorg-backup-<time>.zip in backup.dir, else here.")
  Path out;

  @Override
  public Integer call() throws Exception {
    VorgConfig cfg = load(spec, config);
    Path target = out != null ? out
        : cfg.backup().dir().orElse(Path.of("")).toAbsolutePath().resolve(Backups.fileName(Clock.systemUTC()));
    if (Files.exists(target)) {
      throw new ParameterException(spec.commandLine(), target + " exists: give another --out");
    }
    BackupArchive.Written w = new Backups(cfg, Optional.ofNullable(config)).backup(target);
    JsonObject rows = new JsonObject();
    w.rows().forEach(rows::put);
    spec.commandLine().getOut().println(new JsonObject().put("file", w.file().toString()).put("bytes", w.bytes())
        .put("seconds", w.took().toMillis() / 1000.0).put("journals", w.journals()).put("rows", rows).encode());
    spec.commandLine().getOut().flush();
    return 0;
  }

  static VorgConfig load(picocli.CommandLine.Model.CommandSpec spec, Path config) {
    if (config == null && System.getenv("VORG_SOURCES") == null) {
      throw new ParameterException(spec.commandLine(), "no configuration: give --config FILE, or set VORG_SOURCES and VORG_LIBRARY");
    }
    try {
      return ConfigLoader.load(Optional.ofNullable(config), System.getenv());
    } catch (ConfigException e) {
      throw new ParameterException(spec.commandLine(), "configuration: " + e.getMessage(), e);
    }
  }
}
