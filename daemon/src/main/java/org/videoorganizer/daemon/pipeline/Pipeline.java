package org.videoorganizer.daemon.pipeline;

import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.config.VorgConfig;
import org.videoorganizer.config.VorgConfig.TmdbConfig;
import org.videoorganizer.core.match.Matcher;
import org.videoorganizer.core.naming.JellyfinNaming;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.daemon.analyze.VideoAnalysis;
import org.videoorganizer.daemon.identify.Identification;
import org.videoorganizer.daemon.source.SourceGroup;
import org.videoorganizer.gpu.AnalysisReport;
import org.videoorganizer.daemon.identify.Identifier;
import org.videoorganizer.daemon.organize.MoverHook;
import org.videoorganizer.daemon.identify.NameIdentifier;
import org.videoorganizer.daemon.plan.OrganizePlanner;
import org.videoorganizer.daemon.organize.Organizer;
import org.videoorganizer.daemon.plan.Plan;
import org.videoorganizer.daemon.identify.TmdbIdentifier;
import org.videoorganizer.daemon.organize.TransferMode;
import org.videoorganizer.daemon.queue.JobHandler;
import org.videoorganizer.daemon.source.SourceScanner;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.OrganizeStore;
import org.videoorganizer.daemon.store.Change;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoState;
import org.videoorganizer.daemon.store.VideoStore;
import org.videoorganizer.daemon.sync.RemoteLibrary;

/**
 * The flow of one video, as jobs: fingerprint -> identify -> analyze -> organize -> announce.
 * Each stage checks the video's state first, so a job run twice (after a crash, or delivered
 * twice) does its work once.
 */
public final class Pipeline implements JobHandler, AutoCloseable {

  private final VideoStore videos;
  private final Map<String, Stage> stages;
  private final Movers movers;
  private final Optional<VideoAnalysis> analysis;

  private Pipeline(VideoStore videos, List<Stage> stages, Movers movers, Optional<VideoAnalysis> analysis) {
    this.analysis = analysis;
    this.videos = videos;
    this.stages = stages.stream().collect(Collectors.toUnmodifiableMap(Stage::name, Function.identity()));
    this.movers = movers;
  }

  /**
   * The pipeline for a configuration; {@code announcer} empty keeps organized videos ORGANIZED,
   * {@code analysis} empty passes every video through the analyze step untouched (the pipeline
   * closes it when it is closed).
   */
  public static Pipeline create(VorgConfig config, Pool pool, Identifier identifier, Optional<VideoAnalysis> analysis,
      Optional<Announcer> announcer) {
    return create(config, pool, identifier, analysis, announcer, Optional.empty());
  }

  /** As above; with {@code remoteLibrary} each organized unit is published from the staging tree {@code library}. */
  public static Pipeline create(VorgConfig config, Pool pool, Identifier identifier, Optional<VideoAnalysis> analysis,
      Optional<Announcer> announcer, Optional<RemoteLibrary> remoteLibrary) {
    Mounts mounts = new Mounts();
    Sources sources = new Sources(config.sources(), mounts);
    Movers movers = new Movers(config.library(), config.mode(), Clock.systemUTC());
    Library library = new Library(config.library(), config.libraryMarker(), mounts, () -> recoverJournals(config));
    library.recoverIfMounted();
    // The grouping and planning of vorg organize: one scanner, one planner (NFO files written).
    SourceScanner scanner = new SourceScanner(config.library());
    OrganizeStore store = new OrganizeStore(pool);
    StoredGroups groups = new StoredGroups(store, sources, scanner);
    List<Stage> stages = Stream.of(
            new FingerprintStage(sources, scanner),
            new IdentifyStage(identifier, groups::of, analysis),
            new AnalyzeStage(sources, groups::of, analysis, reidentifier(identifier)),
            new OrganizeStage(store, sources, groups, movers, library,
                new OrganizePlanner(JellyfinNaming.defaults(), true), announcer.isPresent(), new RemotePublish(remoteLibrary)),
            announcer.<Stage>map(a -> new AnnounceStage(pool, a)).orElse(null))
        .filter(s -> s != null).toList();
    return new Pipeline(new VideoStore(pool), stages, movers, analysis);
  }

  /**
   * The parser alone without TMDB credentials (names from files and NFOs); with a key or a token the TMDB identifier
   * of {@code vorg organize}, asking TMDB for every video (an outage fails the job, which is retried).
   */
  public static Identifier identifier(TmdbConfig tmdb, Optional<TmdbClient> client) {
    FilenameParser parser = new FilenameParser();
    var names = new NameIdentifier(p -> parser.parse(p.toString()));
    if (client.isEmpty()) {
      return names;
    }
    return TmdbIdentifier.forService(names, Matcher.builder(client.get()).autoAccept(tmdb.minConfidence()).build(),
        client.get());
  }

  // With TMDB, analysis evidence goes to the matcher; without, the name's answer stands (a home video may still get a title).
  private static BiFunction<SourceGroup, AnalysisReport, Identification> reidentifier(Identifier identifier) {
    return identifier instanceof TmdbIdentifier tmdb ? tmdb::identify : (group, report) -> identifier.identify(group);
  }

  /** The TMDB client, when a key or a token is configured. */
  public static Optional<TmdbClient> tmdbClient(TmdbConfig tmdb) {
    return org.videoorganizer.daemon.identify.TmdbClients.build(tmdb);
  }

  /**
   * Finishes or rolls back what the organize journals of earlier runs left half done (under the
   * library's lock). Called once per daemon, through {@link Library}, before its first write.
   */
  private static void recoverJournals(VorgConfig config) throws IOException {
    var organizer = new Organizer(new OrganizePlanner(g -> null, JellyfinNaming.defaults()), MoverHook.NONE, Clock.systemUTC());
    // Executing an empty plan runs only the mover's recovery, which covers every journal of the library.
    organizer.execute(new Plan(config.sources().getFirst().path(), config.library(), List.of()),
        TransferMode.valueOf(config.mode().name()), (unit, results, index, total) -> { });
  }

  @Override
  public Step handle(Job job, LeaseCheck lease) throws Exception {
    Stage stage = stages.get(job.stage());
    if (stage == null) {
      throw new IllegalStateException("no stage named '" + job.stage() + "' in this daemon");
    }
    Video video = Blocking.await(videos.get(job.videoId()));
    try {
      return stage.run(video, job, lease);
    } catch (Mounts.Wait e) {
      return Outcomes.later(job, e.getMessage());
    }
  }

  @Override
  public List<Change> gaveUp(Job job, String error) {
    return List.of(Outcomes.state(job.videoId(), VideoState.FAILED, error));
  }

  @Override
  public void close() {
    movers.close();
    analysis.ifPresent(VideoAnalysis::close);
  }
}
