//! Wall-clock formatting without a time crate: seconds and microseconds since the epoch, UTC
//! dates (candump's `-t A` and the sniffer's time column).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Seconds and microseconds since the Unix epoch (0 for times before it).
pub(crate) fn epoch(t: SystemTime) -> (u64, u32) {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or(Duration::ZERO);
    (d.as_secs(), d.subsec_micros())
}

/// `(year, month, day)` of the day `days` after 1970-01-01 (proleptic Gregorian).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `YYYY-MM-DD HH:MM:SS` (UTC) of `secs` since the epoch.
pub(crate) fn date_time(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (y, m, d) = civil(days);
    format!("{y:04}-{m:02}-{d:02} {}", clock(secs))
}

/// `HH:MM:SS` (UTC) of `secs` since the epoch.
pub(crate) fn clock(secs: u64) -> String {
    let s = secs % 86_400;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates() {
        assert_eq!(super::date_time(0), "1970-01-01 00:00:00");
        assert_eq!(super::date_time(1_700_000_000), "2023-11-14 22:13:20");
        assert_eq!(super::date_time(951_782_400), "2000-02-29 00:00:00");
    }
}
