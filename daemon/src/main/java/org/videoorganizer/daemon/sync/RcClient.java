package org.videoorganizer.daemon.sync;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Blocking client of rclone's remote-control API on loopback. Blocking on purpose: a copy call
 * lasts as long as the transfer (minutes), the runner calls it from a worker (virtual) thread,
 * and {@code java.net.http} needs no dependency the daemon does not have.
 */
public final class RcClient {

  private final HttpClient http;
  private final URI base;
  private final String authorization;
  private final Duration callTimeout;

  RcClient(URI base, String user, String pass, Duration callTimeout) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.base = base;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
    this.callTimeout = callTimeout;
  }

  /** Calls one rc command; rclone's error becomes an {@link RcloneProblem} of the right kind. */
  public JsonObject call(String command, JsonObject params) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(command))
        .timeout(callTimeout)
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(params.encode()))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RcloneProblem(RcloneProblem.Kind.UNREACHABLE, "rclone rcd at " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RcloneProblem(RcloneProblem.Kind.UNREACHABLE, "interrupted calling " + command, e);
    }
    return answer(command, response);
  }

  private static JsonObject answer(String command, HttpResponse<String> response) {
    if (response.statusCode() == 401) {
      throw new RcloneProblem(RcloneProblem.Kind.FAILED, "rclone rcd refused our rc credentials on " + command);
    }
    JsonObject body = response.body().isBlank() ? new JsonObject() : new JsonObject(response.body());
    if (response.statusCode() != 200) {
      String error = body.getString("error", "HTTP " + response.statusCode());
      throw new RcloneProblem(RcloneProblem.classify(error), command + ": " + error);
    }
    return body;
  }

  /**
   * {@code operations/list} recursively, files only, with the hashes of {@code hashTypes} (none
   * when empty). Naming the one type wanted matters where hashes are computed, not
   * stored (local disk, SFTP): each type is a pass over every file, and rclone would compute nine.
   */
  public List<RemoteFile> listWithHashes(String fs, String dir, List<String> hashTypes) {
    JsonObject opt = new JsonObject().put("recurse", true).put("showHash", !hashTypes.isEmpty()).put("filesOnly", true);
    if (!hashTypes.isEmpty()) {
      opt.put("hashTypes", new JsonArray(new ArrayList<Object>(hashTypes)));
    }
    JsonObject body = call("operations/list", new JsonObject().put("fs", fs).put("remote", dir).put("opt", opt));
    JsonArray list = body.getJsonArray("list", new JsonArray());
    List<RemoteFile> files = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      files.add(remoteFile(list.getJsonObject(i)));
    }
    return files;
  }

  private static RemoteFile remoteFile(JsonObject item) {
    Map<String, String> hashes = new HashMap<>();
    JsonObject h = item.getJsonObject("Hashes", new JsonObject());
    h.forEach(e -> hashes.put(e.getKey(), String.valueOf(e.getValue()).toLowerCase(java.util.Locale.ROOT)));
    return new RemoteFile(item.getString("Path"), item.getLong("Size", -1L),
        Instant.parse(item.getString("ModTime")), hashes);
  }

  /** {@code operations/fsinfo}: the hash types the remote gives or computes, e.g. [md5, sha1]. */
  public List<String> hashTypes(String fs) {
    JsonArray h = call("operations/fsinfo", new JsonObject().put("fs", fs)).getJsonArray("Hashes", new JsonArray());
    List<String> out = new ArrayList<>();
    h.forEach(o -> out.add(String.valueOf(o).toLowerCase(java.util.Locale.ROOT)));
    return out;
  }

  /** {@code operations/stat} of one file with hashes; empty when it is not there. */
  public java.util.Optional<RemoteFile> stat(String fs, String path) {
    return stat(fs, path, true);
  }

  /** {@code operations/stat}; without hashes it is one round trip, with them SFTP reads the file. */
  public java.util.Optional<RemoteFile> stat(String fs, String path, boolean withHash) {
    JsonObject opt = new JsonObject().put("showHash", withHash);
    JsonObject item = call("operations/stat", new JsonObject().put("fs", fs).put("remote", path).put("opt", opt))
        .getJsonObject("item");
    return item == null ? java.util.Optional.empty() : java.util.Optional.of(remoteFile(item));
  }

  /** {@code operations/stat} with the hashes of these types only (SFTP: one {@code md5sum} per type). */
  public java.util.Optional<RemoteFile> stat(String fs, String path, List<String> hashTypes) {
    JsonObject opt = new JsonObject().put("showHash", true).put("hashTypes", new JsonArray(new ArrayList<Object>(hashTypes)));
    JsonObject item = call("operations/stat", new JsonObject().put("fs", fs).put("remote", path).put("opt", opt))
        .getJsonObject("item");
    return item == null ? java.util.Optional.empty() : java.util.Optional.of(remoteFile(item));
  }

  /** {@code operations/copyfile}: one file, rclone verifies size and a common hash itself. */
  public void copyFile(String srcFs, String srcRemote, String dstFs, String dstRemote) {
    call("operations/copyfile", new JsonObject().put("srcFs", srcFs).put("srcRemote", srcRemote)
        .put("dstFs", dstFs).put("dstRemote", dstRemote));
  }

  /**
   * {@code operations/movefile} (a server-side rename on the same remote) that never replaces a file already at the destination: plain
   * movefile deletes a different file there first. With {@code IgnoreExisting} for this call
   * rclone leaves the source where it is instead, so a caller checks whether it is still there.
   */
  public void moveFileNoClobber(String srcFs, String srcRemote, String dstFs, String dstRemote) {
    call("operations/movefile", new JsonObject().put("srcFs", srcFs).put("srcRemote", srcRemote)
        .put("dstFs", dstFs).put("dstRemote", dstRemote).put("_config", new JsonObject().put("IgnoreExisting", true)));
  }

  /**
   * {@code sync/move} of a whole folder to a new name on the same remote: one server-side rename
   * (SFTP) when the destination folder does not exist. Should it exist by then, rclone falls back
   * to moving file by file; {@code IgnoreExisting} keeps that from replacing any file there.
   */
  public void moveFolderNoClobber(String srcFs, String dstFs) {
    call("sync/move", new JsonObject().put("srcFs", srcFs).put("dstFs", dstFs).put("deleteEmptySrcDirs", true)
        .put("_config", new JsonObject().put("IgnoreExisting", true)));
  }

  /** {@code operations/purge}: a folder and everything in it. */
  public void purge(String fs, String dir) {
    call("operations/purge", new JsonObject().put("fs", fs).put("remote", dir));
  }

  /** {@code operations/deletefile}. */
  public void deleteFile(String fs, String remote) {
    call("operations/deletefile", new JsonObject().put("fs", fs).put("remote", remote));
  }

  /** {@code core/stats}: bytes so far, rate and ETA of the running transfers. */
  public Progress stats() {
    JsonObject s = call("core/stats", new JsonObject());
    Object eta = s.getValue("eta");
    return new Progress(s.getLong("bytes", 0L), s.getLong("totalBytes", 0L),
        s.getDouble("speed", 0.0), eta instanceof Number n ? Duration.ofSeconds(n.longValue()) : null);
  }

  /** {@code core/version}'s decomposed version, e.g. [1, 60, 1]. */
  public int[] version() {
    JsonArray d = call("core/version", new JsonObject()).getJsonArray("decomposed");
    return new int[] {d.getInteger(0), d.getInteger(1), d.getInteger(2)};
  }

  /** {@code config/listremotes}: the remote names rclone.conf defines. */
  public List<String> listRemotes() {
    JsonArray r = call("config/listremotes", new JsonObject()).getJsonArray("remotes", new JsonArray());
    List<String> names = new ArrayList<>();
    r.forEach(o -> names.add(String.valueOf(o)));
    return names;
  }

  /** Transfer progress as the status shows it; eta is null when rclone does not know. */
  public record Progress(long bytes, long totalBytes, double bytesPerSecond, Duration eta) {}
}
