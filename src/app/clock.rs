//! The one clock: the moment and the calendar day, advanced by the event
//! loop (or a test) like any input. Nothing in the app reads the system
//! clock itself, so a kiosk left running past midnight shows the new day,
//! and tests move time without sleeping.

use std::time::{Duration, Instant};

use jiff::civil::Date;

/// Now and today, as the event loop last saw them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    pub now: Instant,
    pub today: Date,
    /// How long from `now` until the calendar day changes (local midnight);
    /// `None` for a clock that keeps one day (`--today`, tests).
    pub until_midnight: Option<Duration>,
}

impl Clock {
    /// A clock at `now` on `today`, with the day changing in `until_midnight`.
    pub fn at(now: Instant, today: Date, until_midnight: Option<Duration>) -> Self {
        Self {
            now,
            today,
            until_midnight,
        }
    }

    /// A clock that will not see midnight (tests that keep one day).
    pub fn fixed(now: Instant, today: Date) -> Self {
        Self::at(now, today, None)
    }

    /// Today's date in the system's time zone.
    pub fn today() -> jiff::civil::Date {
        Self::system().today
    }

    /// The system's clock: now, and today in the system's time zone.
    pub fn system() -> Self {
        let zoned = wall_now().to_zoned_datetime(local_time_zone());
        let today = zoned.date();
        // The next local midnight (time zone rules included), a second late
        // so the new day has surely begun.
        let until_midnight = today
            .tomorrow()
            .ok()
            .and_then(|t| t.to_zoned_datetime(zoned.time_zone().clone()).ok())
            .and_then(|midnight| Duration::try_from(zoned.duration_until(&midnight)).ok())
            .map_or(Duration::from_secs(3600), |d| d + Duration::from_secs(1));
        Self::at(Instant::now(), today, Some(until_midnight))
    }
}

/// Tests only: `CAREGUIDE_TEST_CLOCK=2026-11-23T23:59:58` starts the wall
/// clock at that local time, from which it runs on as usual (so a test can
/// watch a kiosk cross midnight in a few seconds).
const TEST_CLOCK: &str = "CAREGUIDE_TEST_CLOCK";

/// The time now: the system's, or the test clock's.
fn wall_now() -> jiff::Timestamp {
    static SHIFT: std::sync::OnceLock<Option<jiff::SignedDuration>> = std::sync::OnceLock::new();
    let now = jiff::Timestamp::now();
    let shift = SHIFT.get_or_init(|| {
        let start: jiff::civil::DateTime = std::env::var(TEST_CLOCK).ok()?.parse().ok()?;
        let start = start.to_zoned_datetime(local_time_zone()).ok()?.timestamp();
        Some(start.duration_since(now))
    });
    match shift {
        Some(shift) => now.checked_add(*shift).unwrap_or(now),
        None => now,
    }
}

/// The system's time zone. Without `TZ`, `/etc/localtime` is read directly:
/// jiff's own lookup first lists the whole time zone database (a directory
/// walk that cost a tenth of the app's start-up).
fn local_time_zone() -> jiff::tz::TimeZone {
    static ZONE: std::sync::OnceLock<jiff::tz::TimeZone> = std::sync::OnceLock::new();
    ZONE.get_or_init(|| {
        if std::env::var_os("TZ").is_none()
            && let Ok(bytes) = std::fs::read("/etc/localtime")
            && let Ok(zone) = jiff::tz::TimeZone::tzif("Local", &bytes)
        {
            return zone;
        }
        jiff::tz::TimeZone::system()
    })
    .clone()
}
