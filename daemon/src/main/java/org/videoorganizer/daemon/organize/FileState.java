package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/** Size, modification time and identity (inode) of a file: equal states mean an unchanged file. */
record FileState(long size, FileTime modified, Object key) {

  static FileState of(Path p) throws IOException {
    var a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return new FileState(a.size(), a.lastModifiedTime(), a.fileKey());
  }

  /** The id of the filesystem a path lives on (the device number). */
  static Object device(Path p) throws IOException {
    return Files.getAttribute(p, "unix:dev", LinkOption.NOFOLLOW_LINKS);
  }
}
