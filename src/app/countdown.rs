//! The numbing countdown. Time is passed in, so tests never sleep.

use std::time::{Duration, Instant};

/// How long until `left` drops to the next whole second (what a clock
/// showing whole seconds must redraw for).
pub fn until_next_second(left: Duration) -> Duration {
    match left.subsec_nanos() {
        0 => Duration::from_secs(1).min(left),
        sub => Duration::from_nanos(u64::from(sub)),
    }
}

/// Whole seconds in `left`, rounded up: a clock shows 30:00 at the start
/// and 00:00 only when time is up.
pub fn whole_seconds(left: Duration) -> u64 {
    left.as_secs() + u64::from(left.subsec_nanos() > 0)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Ready,
    Running { since: Instant, before: Duration },
    Paused { elapsed: Duration },
}

/// A countdown the practitioner starts, pauses and resets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Countdown {
    total: Duration,
    state: State,
    /// The end has been announced (the bell rang once).
    announced: bool,
}

/// What the countdown shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Ready,
    Running,
    Paused,
    Done,
}

impl Countdown {
    pub fn new(total: Duration) -> Self {
        Self {
            total,
            state: State::Ready,
            announced: false,
        }
    }

    pub fn total(&self) -> Duration {
        self.total
    }

    fn elapsed(&self, now: Instant) -> Duration {
        match self.state {
            State::Ready => Duration::ZERO,
            State::Running { since, before } => before + now.saturating_duration_since(since),
            State::Paused { elapsed } => elapsed,
        }
    }

    pub fn remaining(&self, now: Instant) -> Duration {
        self.total.saturating_sub(self.elapsed(now))
    }

    pub fn phase(&self, now: Instant) -> Phase {
        if self.remaining(now).is_zero() {
            return Phase::Done;
        }
        match self.state {
            State::Ready => Phase::Ready,
            State::Running { .. } => Phase::Running,
            State::Paused { .. } => Phase::Paused,
        }
    }

    /// Whether the countdown has just run out: true once per run (the bell
    /// and the "time is up" banner).
    pub fn take_finished(&mut self, now: Instant) -> bool {
        let done = !matches!(self.state, State::Ready) && self.phase(now) == Phase::Done;
        if done && !self.announced {
            self.announced = true;
            return true;
        }
        false
    }

    /// Starts, pauses or resumes; when time is up it starts again.
    pub fn toggle(&mut self, now: Instant) {
        self.announced = false;
        self.state = match self.phase(now) {
            Phase::Ready => State::Running {
                since: now,
                before: Duration::ZERO,
            },
            Phase::Running => State::Paused {
                elapsed: self.elapsed(now),
            },
            Phase::Paused => State::Running {
                since: now,
                before: self.elapsed(now),
            },
            Phase::Done => State::Running {
                since: now,
                before: Duration::ZERO,
            },
        };
    }

    pub fn reset(&mut self) {
        self.state = State::Ready;
        self.announced = false;
    }

    /// Whether it was started (running, paused or done): the header shows it.
    pub fn is_started(&self) -> bool {
        !matches!(self.state, State::Ready)
    }

    /// Whether the countdown is moving (the screen must be redrawn as it does).
    pub fn is_running(&self, now: Instant) -> bool {
        self.phase(now) == Phase::Running
    }

    /// How long until the shown time changes (the next whole second), while
    /// it runs; once more when it has run out and the end is not announced.
    pub fn next_change(&self, now: Instant) -> Option<Duration> {
        if !self.is_running(now) {
            let unannounced = matches!(self.state, State::Running { .. }) && !self.announced;
            return unannounced.then_some(Duration::ZERO);
        }
        Some(until_next_second(self.remaining(now)))
    }

    /// Whole seconds left, rounded up (so it shows 30:00 at the start and
    /// 00:00 only when time is up).
    pub fn seconds_left(&self, now: Instant) -> u64 {
        whole_seconds(self.remaining(now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_pauses_and_finishes() {
        let t0 = Instant::now();
        let s = Duration::from_secs;
        let mut c = Countdown::new(s(60));
        assert_eq!(c.phase(t0), Phase::Ready);
        assert_eq!(c.seconds_left(t0), 60);
        c.toggle(t0);
        assert_eq!(c.phase(t0 + s(10)), Phase::Running);
        assert_eq!(c.seconds_left(t0 + s(10)), 50);
        c.toggle(t0 + s(10)); // pause
        assert_eq!(c.seconds_left(t0 + s(40)), 50, "paused time does not count");
        assert_eq!(c.next_change(t0 + s(40)), None, "no redraws while paused");
        c.toggle(t0 + s(40)); // resume
        assert_eq!(c.seconds_left(t0 + s(41)), 49);
        assert_eq!(c.phase(t0 + s(90)), Phase::Done);
        assert_eq!(c.seconds_left(t0 + s(90)), 0);
        assert!(!c.is_running(t0 + s(90)));
        c.reset();
        assert_eq!(c.phase(t0 + s(91)), Phase::Ready);
    }

    #[test]
    fn next_change_lands_on_whole_seconds() {
        let t0 = Instant::now();
        let mut c = Countdown::new(Duration::from_secs(10));
        c.toggle(t0);
        assert_eq!(c.next_change(t0), Some(Duration::from_secs(1)));
        assert_eq!(
            c.next_change(t0 + Duration::from_millis(300)),
            Some(Duration::from_millis(700))
        );
    }
}
