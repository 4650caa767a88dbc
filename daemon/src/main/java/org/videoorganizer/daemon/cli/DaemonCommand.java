package org.videoorganizer.daemon.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.videoorganizer.config.ConfigException;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.daemon.app.Daemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vorg daemon [--config FILE]}: runs until SIGTERM or SIGINT, then stops gracefully. */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "Watches the sources and organizes new videos into the library, unattended.",
      "Prints one JSON line on standard output once it runs: the status address and the file",
      "holding the token it needs (Authorization: Bearer), unless VORG_HTTP_TOKEN sets one.",
      "SIGTERM or Ctrl-C: finishes or releases the running steps, then exits."
    })
final class DaemonCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "The YAML configuration (see config/vorg.example.yaml); VORG_* variables override it.")
  Path config;

  @Override
  public Integer call() throws Exception {
    if (config == null && System.getenv("VORG_SOURCES") == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "no configuration: give --config FILE (config/vorg.example.yaml shows every key), "
              + "or set VORG_SOURCES and VORG_LIBRARY");
    }
    VorgConfig cfg;
    try {
      cfg = ConfigLoader.load(Optional.ofNullable(config), System.getenv());
    } catch (ConfigException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "configuration: " + e.getMessage(), e);
    }
    Daemon daemon = Daemon.start(cfg);
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::stop, "vorg-shutdown"));
    var line = new io.vertx.core.json.JsonObject()
        .put("status", "http://" + cfg.http().host() + ":" + daemon.httpPort() + "/api/status");
    daemon.httpToken().file().ifPresent(f -> line.put("token_file", f.toString()));
    spec.commandLine().getOut().println(line.encode());
    spec.commandLine().getOut().flush();
    daemon.awaitStop();
    return 0;
  }
}
