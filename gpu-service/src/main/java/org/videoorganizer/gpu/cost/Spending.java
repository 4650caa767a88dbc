package org.videoorganizer.gpu.cost;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Dollars spent on remote analysis, as the status page shows them: on one video, today and this
 * month (UTC days and months, up to now).
 */
public record Spending(String video, double onVideo, double today, double thisMonth, LocalDate day) {

  public static Spending of(CostLedger ledger, String video, Clock clock) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant end = now.plusNanos(1);
    return new Spending(video, ledger.spentOn(video),
        ledger.spentBetween(today.atStartOfDay().toInstant(ZoneOffset.UTC), end),
        ledger.spentBetween(today.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC), end), today);
  }
}
