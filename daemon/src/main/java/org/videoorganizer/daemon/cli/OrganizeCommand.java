package org.videoorganizer.daemon.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.videoorganizer.core.naming.JellyfinNaming;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.daemon.organize.FileResult;
import org.videoorganizer.daemon.identify.Identifier;
import org.videoorganizer.daemon.organize.MoverHook;
import org.videoorganizer.daemon.identify.NameIdentifier;
import org.videoorganizer.daemon.plan.OrganizePlanner;
import org.videoorganizer.daemon.organize.Organizer;
import org.videoorganizer.daemon.plan.Plan;
import org.videoorganizer.daemon.plan.PlannedNfo;
import org.videoorganizer.daemon.plan.PlannedFile;
import org.videoorganizer.daemon.plan.PlannedUnit;
import org.videoorganizer.daemon.organize.Summary;
import org.videoorganizer.daemon.identify.TmdbIdentifier;
import org.videoorganizer.daemon.organize.TransferMode;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vorg organize SOURCE --library DIR}: one run of the organizer. */
@Command(
    name = "organize",
    header = "Organizes a folder of videos into a Jellyfin library (plan, move, journal).",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Organizes the videos below SOURCE into a Jellyfin library (Movies/, TV Shows/,",
      "Other/). Each video travels with its subtitles, NFO and artwork. Nothing is",
      "ever overwritten: the same bytes at a target count as done, different bytes",
      "are skipped with the reason. Moved sources go to SOURCE/.vorg-trash/; every",
      "run writes a journal that 'vorg undo' reads.",
      "With TMDB credentials (VORG_TMDB_API_KEY or VORG_TMDB_TOKEN, or their _FILE",
      "forms; the tmdb section of --config FILE, overridden by VORG_TMDB_*) videos are",
      "matched against TMDB: named with TMDB's title, year and ids and given NFO files;",
      "unsure matches are left in place for review."
    })
public final class OrganizeCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SOURCE", description = "The folder to organize.")
  Path source;

  @Option(names = "--library", paramLabel = "DIR", required = true, description = "The library root (created when missing).")
  Path library;

  @Option(names = "--dry-run", description = "Print the plan and change nothing.")
  boolean dryRun;

  @ArgGroup(exclusive = true)
  ModeOption mode = new ModeOption();

  @Option(names = "--json", description = "JSON lines (source, target, action, reason, unit, role) instead of a table.")
  boolean json;

  @Option(names = "--no-id-tags", description = "Leave [tmdbid-N] tags out of folder names.")
  boolean noIdTags;

  @Option(names = "--no-tmdb", description = "Name from the file names only, even when TMDB is configured.")
  boolean noTmdb;

  @Option(names = "--no-nfo", description = "Write no NFO files for videos with ids.")
  boolean noNfo;

  @Mixin TmdbOptions tmdbOptions = new TmdbOptions();

  private final Map<String, String> env;

  public OrganizeCommand() {
    this(System.getenv());
  }

  OrganizeCommand(Map<String, String> env) {
    this.env = env;
  }

  static final class ModeOption {
    @Option(names = "--move", description = "Move files (the default); sources go to the trash.")
    boolean move;

    @Option(names = "--copy", description = "Copy files; sources stay.")
    boolean copy;

    @Option(names = "--hardlink", description = "Hard-link files; fails (never copies) where a link cannot be made.")
    boolean hardlink;

    TransferMode value() {
      return copy ? TransferMode.COPY : hardlink ? TransferMode.HARDLINK : TransferMode.MOVE;
    }
  }

  @Override
  public Integer call() throws IOException {
    tmdbOptions.check(spec);
    Path src = source.toAbsolutePath().normalize();
    Path lib = library.toAbsolutePath().normalize();
    checkFolders(src, lib);
    var planner = new OrganizePlanner(identifier(), JellyfinNaming.builder().idTags(!noIdTags).build(), !noNfo);
    var organizer = new Organizer(planner, MoverHook.NONE, Clock.systemUTC());
    long t0 = System.nanoTime();
    Plan plan = organizer.plan(src, lib);
    long t1 = System.nanoTime();
    var printer = new ResultPrinter(spec.commandLine().getOut(), json, src, lib);
    if (dryRun) {
      printPlan(plan, printer, (t1 - t0) / 1e9);
      return plan.units().stream().anyMatch(u -> u.action() == PlannedUnit.Action.FAIL) ? VorgCommand.FAILED : 0;
    }
    Files.createDirectories(lib);
    var progress = new Progress(spec.commandLine().getErr(), Progress.stderrIsTerminal());
    Summary summary = organizer.execute(plan, mode.value(), (unit, results, i, total) -> {
      progress.clear();
      results.forEach(r -> printer.row(unit.id(), roleOf(unit, r), r.source(), r.target(), action(r), r.reason()));
      printer.flush();
      progress.update(i, total, unit.video().source().getFileName().toString());
    });
    progress.clear();
    long t2 = System.nanoTime();
    var err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "vorg organize: %s; %d units planned in %.3f s, carried out in %.3f s%n", summary,
        plan.units().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    err.println(summary.journal() == null ? "vorg organize: nothing to change, no journal written"
        : "vorg organize: journal " + summary.journal() + " (undo: vorg undo " + summary.journal() + ")");
    if (summary.anyFailed()) {
      throw new IllegalStateException(summary.count(FileResult.Outcome.FAILED)
          + " files could not be organized (see their reasons above); nothing was lost");
    }
    return 0;
  }

  // TMDB when a key or token is set and --no-tmdb is not given; else names alone.
  private Identifier identifier() {
    var parser = new FilenameParser();
    var tmdb = tmdbOptions.settings(spec, env);
    if (noTmdb && tmdb.hasCredentials()) {
      return new NameIdentifier(p -> parser.parse(p.toString()), "named from the file name (--no-tmdb)");
    }
    var names = new NameIdentifier(p -> parser.parse(p.toString()));
    if (!tmdb.hasCredentials()) {
      return names;
    }
    TmdbOptions.Tmdb connected = tmdbOptions.connect(tmdb);
    return TmdbIdentifier.forOneRun(names, connected.matcher(), connected.client());
  }

  private void checkFolders(Path src, Path lib) {
    if (!Files.isDirectory(src)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "SOURCE must be an existing folder; got " + src);
    }
    if (src.equals(lib) || src.startsWith(lib)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "SOURCE must not be the library or inside it; got " + src + " and --library " + lib);
    }
    if (Files.exists(lib) && !Files.isDirectory(lib)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--library must be a folder; got the file " + lib);
    }
  }

  private void printPlan(Plan plan, ResultPrinter printer, double seconds) {
    String verb = mode.value().name().toLowerCase(Locale.ROOT);
    Map<String, Integer> files = new LinkedHashMap<>();
    List.of(verb, "write", "skip", "review", "fail").forEach(a -> files.put(a, 0));
    long bytes = 0;
    for (PlannedUnit u : plan.units()) {
      for (PlannedFile f : u.files()) {
        String action = switch (u.action()) {
          case ORGANIZE -> f.target() == null ? "skip" : verb;
          case REVIEW -> "review";
          case SKIP -> "skip";
          case FAIL -> "fail";
        };
        files.merge(action, 1, Integer::sum);
        bytes += action.equals(verb) ? sizeOf(f.source()) : 0;
        String reason = f.note() != null ? f.note() : u.reason();
        printer.row(u.id(), f.role().name(), f.source(), f.target(), action, reason);
      }
      for (PlannedNfo n : u.nfos()) {
        files.merge("write", 1, Integer::sum);
        printer.row(u.id(), "NFO", null, n.target(), "write", "NFO with the ids, for Jellyfin");
      }
    }
    printer.flush();
    spec.commandLine().getErr().printf(Locale.ROOT, "vorg organize: dry run, nothing changed: would %s %d files (%s) of %d "
        + "videos, write %d NFO files; review %d files (%d videos), skip %d, fail %d; %d units planned in %.3f s%n",
        verb, files.get(verb), Summary.human(bytes), count(plan, PlannedUnit.Action.ORGANIZE), files.get("write"),
        files.get("review"), count(plan, PlannedUnit.Action.REVIEW), files.get("skip"), files.get("fail"),
        plan.units().size(), seconds);
  }

  private static long count(Plan plan, PlannedUnit.Action action) {
    return plan.units().stream().filter(u -> u.action() == action).count();
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException gone) {
      return 0; // vanished since the plan was made: the run will say so
    }
  }

  private static String roleOf(PlannedUnit unit, FileResult r) {
    if (r.source() == null) {
      return "NFO";
    }
    return unit.files().stream().filter(f -> f.source().equals(r.source())).findFirst()
        .map(f -> f.role().name()).orElse("VIDEO");
  }

  static String action(FileResult r) {
    return r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
