package org.videoorganizer.daemon.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.daemon.backup.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vorg restore [--config FILE] ARCHIVE}: into an empty data_dir or an empty external database. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Brings a 'vorg backup' archive back: the database into an empty data_dir (embedded) or an",
      "empty database (database.url), journals the library lacks into library/.vorg/journal, and",
      "the backed-up configuration file as data_dir/restored-vorg.yaml. Refuses a database that",
      "holds anything; nothing is overwritten. Then start 'vorg daemon': it goes on where it was."
    })
final class RestoreCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "The YAML configuration; VORG_* variables override it.")
  Path config;

  @Parameters(paramLabel = "ARCHIVE", description = "A file written by 'vorg backup'.")
  Path archive;

  @Override
  public Integer call() throws Exception {
    VorgConfig cfg = BackupCommand.load(spec, config);
    Backups.Restored r = new Backups(cfg, Optional.ofNullable(config)).restore(archive);
    spec.commandLine().getOut().println(new io.vertx.core.json.JsonObject().put("rows", r.rows())
        .put("journals", r.journals()).put("config_written", r.config()).encode());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
