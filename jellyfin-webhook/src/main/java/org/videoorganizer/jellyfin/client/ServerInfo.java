package org.videoorganizer.jellyfin.client;

/** What {@code GET /System/Info} tells about the server. */
public record ServerInfo(String id, String serverName, String version) {}
