package org.videoorganizer.daemon.store;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How the store keeps an enum's constant in a text column: its name in lower case. One rule for
 * job and video states, Jellyfin confirmation states and a match's kind.
 */
final class DbEnum {

  private DbEnum() {}

  static String db(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> E of(Class<E> type, String db) {
    return Enum.valueOf(type, db.toUpperCase(Locale.ROOT));
  }

  /** The constants for which {@code test} holds. */
  static <E extends Enum<E>> Set<E> where(Class<E> type, Predicate<E> test) {
    Set<E> out = EnumSet.allOf(type);
    out.removeIf(test.negate());
    return out;
  }

  /** The column values of the constants for which {@code test} holds, for a {@code = any($n)} parameter. */
  static <E extends Enum<E>> String[] names(Class<E> type, Predicate<E> test) {
    return where(type, test).stream().map(DbEnum::db).toArray(String[]::new);
  }
}
