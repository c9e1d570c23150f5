//! Whole-process figures, measured from outside in a pseudo-terminal, with
//! `less` showing the same plan (`careguide print` output) as the reference
//! in the same run:
//!
//! - start to first full frame (the screen holds the expected text), the
//!   two programs started in turn so that both see the same machine;
//! - the start of each program alone (`--version`): loading the program and
//!   its libraries, before it does any work of its own;
//! - key press to redrawn screen;
//! - CPU and wake-ups while idle for 10 s (all threads, from /proc);
//! - peak memory (VmHWM).
//!
//! ```text
//! cargo bench --bench process                           # 45 starts, 40 keys, 10 s idle
//! CAREGUIDE_BENCH_QUICK=1 cargo bench --bench process   # a quick look
//! ```
//!
//! Linux only (it reads /proc).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const COLS: u16 = 80;
const ROWS: u16 = 24;

struct Shared {
    parser: vt100::Parser,
    target: Option<String>,
    found: Option<Instant>,
    closed: bool,
}

/// A program running in a pseudo-terminal, its screen parsed as it arrives.
struct Run {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    shared: Arc<(Mutex<Shared>, Condvar)>,
    pid: u32,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Run {
    /// Starts `program` and returns it with the moment it was started. The
    /// first-frame target is set before the start, so no output is missed.
    fn start(program: &str, args: &[&str], first_frame: &str) -> (Run, Instant) {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("LESS");
        let shared = Arc::new((
            Mutex::new(Shared {
                parser: vt100::Parser::new(
                    std::num::NonZeroU16::new(ROWS).unwrap(),
                    std::num::NonZeroU16::new(COLS).unwrap(),
                    0,
                ),
                target: Some(first_frame.to_string()),
                found: None,
                closed: false,
            }),
            Condvar::new(),
        ));
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        let feed = Arc::clone(&shared);
        thread::spawn(move || {
            let mut buf = [0u8; 65536];
            loop {
                let n = match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                // The moment the bytes were read is the moment they count.
                let at = Instant::now();
                let (lock, cvar) = &*feed;
                let mut s = lock.lock().unwrap();
                s.parser.process(&buf[..n]);
                if s.found.is_none()
                    && let Some(t) = &s.target
                    && s.parser.screen().contents().contains(t.as_str())
                {
                    s.found = Some(at);
                    cvar.notify_all();
                }
            }
            let (lock, cvar) = &*feed;
            lock.lock().unwrap().closed = true;
            cvar.notify_all();
        });
        let started = Instant::now();
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        let pid = child.process_id().expect("a pid");
        drop(pty.slave);
        (
            Run {
                child,
                writer,
                shared,
                pid,
                _master: pty.master,
            },
            started,
        )
    }

    /// Waits until the target text is on screen; returns when it arrived.
    fn wait(&self, timeout: Duration) -> Instant {
        let (lock, cvar) = &*self.shared;
        let mut s = lock.lock().unwrap();
        let deadline = Instant::now() + timeout;
        while s.found.is_none() {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero() && !s.closed,
                "timed out: {:?}\n{}",
                s.target,
                s.parser.screen().contents()
            );
            s = cvar.wait_timeout(s, left).unwrap().0;
        }
        s.found.unwrap()
    }

    /// Presses `key` and returns how long until `expect` is on screen.
    fn key_to_frame(&mut self, key: &[u8], expect: &str) -> Duration {
        {
            let mut s = self.shared.0.lock().unwrap();
            s.target = Some(expect.to_string());
            s.found = None;
        }
        let sent = Instant::now();
        self.writer.write_all(key).unwrap();
        self.writer.flush().unwrap();
        self.wait(Duration::from_secs(5)) - sent
    }

    fn quit(mut self, key: &[u8]) {
        let _ = self.writer.write_all(key);
        let _ = self.writer.flush();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(5));
        }
        let _ = self.child.kill();
    }
}

/// CPU time (ns, all threads) and context switches (all threads).
fn cpu_and_switches(pid: u32) -> (u64, u64) {
    let mut cpu = 0;
    let mut switches = 0;
    if let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) {
        for task in tasks.flatten() {
            let dir = task.path();
            if let Ok(s) = std::fs::read_to_string(dir.join("schedstat")) {
                cpu += s
                    .split_whitespace()
                    .next()
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(0);
            }
            if let Ok(s) = std::fs::read_to_string(dir.join("status")) {
                for line in s.lines() {
                    if line.starts_with("voluntary_ctxt_switches")
                        || line.starts_with("nonvoluntary_ctxt_switches")
                    {
                        switches += line
                            .split_whitespace()
                            .nth(1)
                            .and_then(|v| v.parse::<u64>().ok())
                            .unwrap_or(0);
                    }
                }
            }
        }
    }
    (cpu, switches)
}

fn peak_rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Figures {
    idle_cpu_percent: f64,
    wakeups_per_s: f64,
    peak_kb: u64,
}

/// A program to start, and the text that shows it has drawn its first screen.
#[derive(Clone, Copy)]
struct Start<'a> {
    program: &'a str,
    args: &'a [&'a str],
    first_frame: &'a str,
    quit: &'a [u8],
}

impl Start<'_> {
    /// The program started, once its first full screen is there; and when
    /// it was started and when that screen came.
    fn run(&self) -> (Run, Instant, Instant) {
        let (run, started) = Run::start(self.program, self.args, self.first_frame);
        let at = run.wait(Duration::from_secs(10));
        (run, started, at)
    }

    /// Milliseconds from starting the program to its first full screen.
    fn once(&self) -> f64 {
        let (run, started, at) = self.run();
        run.quit(self.quit);
        ms(at - started)
    }
}

/// Starts each program `starts` times, in turn (one start of each, then the
/// next round), after two warm-up rounds: each program's times, round by
/// round.
fn first_frames(programs: &[Start], starts: usize) -> Vec<Vec<f64>> {
    let mut times = vec![Vec::new(); programs.len()];
    for round in 0..starts + 2 {
        for (program, times) in programs.iter().zip(&mut times) {
            let t = program.once();
            if round >= 2 {
                times.push(t);
            }
        }
    }
    times
}

/// The median of each round's ratio `a / b`: a moment when the machine is
/// slow weighs on both times of a round, so it cancels out of its ratio
/// (the ratio of the two medians moves with the machine's load).
fn paired_ratio(a: &[f64], b: &[f64]) -> f64 {
    median(a.iter().zip(b).map(|(a, b)| a / b).collect())
}

/// Measures idle CPU and memory on one run, after `keys`.
fn measure(program: &Start, idle: Duration, mut keys: impl FnMut(&mut Run)) -> Figures {
    let (mut run, _, _) = program.run();
    keys(&mut run);
    thread::sleep(Duration::from_millis(500)); // let it settle
    let (cpu0, sw0) = cpu_and_switches(run.pid);
    let t0 = Instant::now();
    thread::sleep(idle);
    let (cpu1, sw1) = cpu_and_switches(run.pid);
    let secs = t0.elapsed().as_secs_f64();
    let peak = peak_rss_kb(run.pid);
    run.quit(program.quit);
    Figures {
        idle_cpu_percent: (cpu1 - cpu0) as f64 / 1e9 / secs * 100.0,
        wakeups_per_s: (sw1 - sw0) as f64 / secs,
        peak_kb: peak,
    }
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is taken.
    let quick = std::env::var_os("CAREGUIDE_BENCH_QUICK").is_some();
    let (starts, keys, idle) = if quick {
        (5, 10, Duration::from_secs(2))
    } else {
        (45, 40, Duration::from_secs(10))
    };
    let careguide = env!("CARGO_BIN_EXE_careguide");
    let args = [
        "--guide",
        "microneedling",
        "--date",
        "2026-11-20",
        "--today",
        "2026-11-23",
    ];

    // The same plan as text, for `less`.
    let plan: PathBuf =
        std::env::temp_dir().join(format!("careguide-bench-{}.txt", std::process::id()));
    let out = std::process::Command::new(careguide)
        .args([
            "print",
            "microneedling",
            "--date",
            "2026-11-20",
            "--today",
            "2026-11-23",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("careguide print");
    std::fs::write(&plan, &out.stdout).unwrap();
    let plan_arg = plan.to_string_lossy().to_string();

    let less_plan = Start {
        program: "less",
        args: &[plan_arg.as_str()],
        first_frame: "MICRONEEDLING: YOUR CARE PLAN",
        quit: b"q",
    };
    let careguide_plan = Start {
        program: careguide,
        args: &args,
        first_frame: "Step 7 of 9",
        quit: b"q",
    };
    let version = |program| Start {
        program,
        args: &["--version"],
        first_frame: if program == "less" {
            "Nudelman"
        } else {
            "careguide "
        },
        quit: b"",
    };
    let firsts = first_frames(
        &[
            less_plan,
            careguide_plan,
            version("less"),
            version(careguide),
        ],
        starts,
    );
    let [less_firsts, cg_firsts, less_versions, cg_versions] = &firsts[..] else {
        unreachable!("four programs were started")
    };
    let [less_first, cg_first, less_version, cg_version] =
        [less_firsts, cg_firsts, less_versions, cg_versions].map(|t| median(t.clone()));
    let first_ratio = paired_ratio(cg_firsts, less_firsts);
    let version_ratio = paired_ratio(cg_versions, less_versions);
    let version_to_first = paired_ratio(cg_versions, less_firsts);

    let less = measure(&less_plan, idle, |_| {});

    let mut latencies = Vec::new();
    let cg = measure(&careguide_plan, idle, |run| {
        // Back and forth between Day 2 and Day 3.
        for i in 0..keys {
            let (key, expect): (&[u8], &str) = if i % 2 == 0 {
                (b"\x1b[D", "Day 2, Sun 22 Nov 2026")
            } else {
                (b"\x1b[C", "Day 3, Mon 23 Nov 2026")
            };
            latencies.push(ms(run.key_to_frame(key, expect)));
        }
    });
    // less, for comparable keys: G and g redraw the whole screen (the end
    // of the plan, then its start).
    let mut less_latencies = Vec::new();
    {
        let (mut run, _, _) = less_plan.run();
        for i in 0..keys {
            let (key, expect): (&[u8], &str) = if i % 2 == 0 {
                (b"G", "(END)")
            } else {
                (b"g", less_plan.first_frame)
            };
            less_latencies.push(ms(run.key_to_frame(key, expect)));
        }
        run.quit(less_plan.quit);
    }
    let _ = std::fs::remove_file(&plan);

    let key_ms = median(latencies.clone());
    println!(
        "careguide whole-process benchmark ({COLS}x{ROWS}, {} starts, {} keys, {:.0} s idle)",
        starts,
        keys,
        idle.as_secs_f64()
    );
    println!();
    println!("| figure | careguide | less (same plan) | ratio | target |");
    println!("|---|---|---|---|---|");
    println!(
        "| start to first full frame, median | {cg_first:.2} ms | {less_first:.2} ms | {first_ratio:.2}× (median of the rounds' ratios; of the medians {:.2}×) | ≤ 1.5× less |",
        cg_first / less_first
    );
    println!(
        "| the program's start alone (`--version`), median | {cg_version:.2} ms | {less_version:.2} ms | {version_ratio:.2}× ({version_to_first:.2}× less's full frame) | |"
    );
    println!(
        "| key press to redrawn screen, median | {:.2} ms | {:.2} ms | {:.2}× | ≤ 2 ms |",
        key_ms,
        median(less_latencies.clone()),
        key_ms / median(less_latencies)
    );
    println!(
        "| idle CPU over {:.0} s | {:.3} % | {:.3} % | | 0.00 % |",
        idle.as_secs_f64(),
        cg.idle_cpu_percent,
        less.idle_cpu_percent
    );
    println!(
        "| wake-ups while idle | {:.1} /s | {:.1} /s | | 0 |",
        cg.wakeups_per_s, less.wakeups_per_s
    );
    println!(
        "| peak memory (VmHWM) | {:.1} MB | {:.1} MB | {:.2}× | ≤ 8 MB |",
        cg.peak_kb as f64 / 1024.0,
        less.peak_kb as f64 / 1024.0,
        cg.peak_kb as f64 / less.peak_kb.max(1) as f64
    );
    let mut sorted = latencies;
    sorted.sort_by(|a, b| a.total_cmp(b));
    println!();
    println!(
        "key to frame: min {:.2} ms, p90 {:.2} ms, max {:.2} ms",
        sorted.first().unwrap_or(&f64::NAN),
        sorted.get(sorted.len() * 9 / 10).unwrap_or(&f64::NAN),
        sorted.last().unwrap_or(&f64::NAN)
    );
}
