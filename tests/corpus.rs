//! The loader against damaged guide files: truncated, bytes flipped, huge
//! strings, deep nesting, invalid UTF-8, a BOM, CRLF line ends, an empty
//! file, a 10 MB file. Each must end in an error report or a valid guide:
//! never a panic, a hang, or memory out of proportion to the file.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use careguide::guide::library::{FileContent, MAX_FILE_BYTES, load_file};

fn shipped() -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app/needling.toml"),
    )
    .unwrap()
}

/// Loads in a thread; a load that takes over a minute is a hang.
fn load(name: &str, bytes: Vec<u8>) -> (bool, usize) {
    let (tx, rx) = mpsc::channel();
    // The guide's own file name, so a good file gets no name warning.
    let path = PathBuf::from("needling.toml");
    std::thread::spawn(move || {
        let (report, guide) = load_file(path, FileContent::Bytes(bytes));
        // Diagnostics print without raw control characters.
        for line in report.lines() {
            assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
        }
        let _ = tx.send((guide.is_some(), report.diagnostics.len()));
    });
    rx.recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("loading `{name}` hung or panicked"))
}

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn damaged_guides_give_errors_never_panics() {
    let good = shipped();
    assert_eq!(load("intact", good.clone()), (true, 0));
    let mut outcomes = (0, 0);
    let mut tally = |(ok, n): (bool, usize)| {
        assert!(ok || n > 0, "a rejected file must say why");
        if ok { outcomes.0 += 1 } else { outcomes.1 += 1 }
    };

    // Truncated at many points (including inside multi-byte characters).
    for cut in (0..good.len()).step_by(89) {
        tally(load(&format!("truncated-{cut}"), good[..cut].to_vec()));
    }
    // Random bytes flipped, 1 to 40 at a time.
    let mut rng = Rng(0x00C0_FFEE);
    for case in 0..300 {
        let mut bytes = good.clone();
        for _ in 0..1 + rng.next() % 40 {
            let i = (rng.next() % bytes.len() as u64) as usize;
            bytes[i] = (rng.next() & 0xff) as u8;
        }
        tally(load(&format!("flipped-{case}"), bytes));
    }
    // Structural damage.
    let text = String::from_utf8(good.clone()).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("only-whitespace", b" \n\t\n".to_vec()),
        ("bom", [b"\xef\xbb\xbf".as_slice(), &good].concat()),
        ("crlf", text.replace('\n', "\r\n").into_bytes()),
        (
            "invalid-utf8",
            [&good[..500], b"\xff\xfe\xc3", &good[500..]].concat(),
        ),
        (
            "nul-bytes",
            text.replacen("title", "ti\0tle", 1).into_bytes(),
        ),
        (
            "huge-string",
            format!(
                "{text}\n[[glossary]]\nterm = \"x\"\ndefinition = \"{}\"\n",
                "long ".repeat(1_000_000)
            )
            .into_bytes(),
        ),
        (
            "deep-arrays",
            format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
        ),
        (
            "deep-tables",
            format!("a = {}1{}", "{b = ".repeat(50_000), "}".repeat(50_000)).into_bytes(),
        ),
        (
            "unclosed-deep",
            format!("a = {}", "[".repeat(100_000)).into_bytes(),
        ),
        (
            "many-keys",
            (0..100_000)
                .map(|i| format!("k{i} = {i}\n"))
                .collect::<String>()
                .into_bytes(),
        ),
        (
            "many-tables",
            (0..50_000)
                .map(|i| format!("[t{i}]\n"))
                .collect::<String>()
                .into_bytes(),
        ),
        (
            "dotted-keys",
            format!("{} = 1", vec!["a"; 10_000].join(".")).into_bytes(),
        ),
        (
            "escapes",
            "id = \"\\u001b[31m\\u009b\\u202e\"\n".as_bytes().to_vec(),
        ),
        (
            "binary",
            (0..4096u32).map(|i| (i * 7 % 256) as u8).collect(),
        ),
    ];
    for (name, bytes) in cases {
        tally(load(name, bytes));
    }
    assert!(
        load("bom-intact", [b"\xef\xbb\xbf".as_slice(), &good].concat()).0,
        "a BOM is fine"
    );
    assert!(
        load("crlf-intact", text.replace('\n', "\r\n").into_bytes()).0,
        "CRLF is fine"
    );
    assert!(outcomes.1 > 300, "most damage must be caught: {outcomes:?}");
}

#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    let before = peak_rss_kb();
    // A 10 MB file on disk: refused by its size, not parsed.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    let line = "# padding padding padding padding padding padding padding padding\n";
    let big = line.repeat(10 * 1024 * 1024 / line.len() + 1);
    assert!(big.len() as u64 > MAX_FILE_BYTES);
    std::fs::write(&path, &big).unwrap();
    let library = careguide::guide::Library::load_paths(std::slice::from_ref(&path)).unwrap();
    let report = &library.reports[0];
    assert!(library.guides.is_empty());
    let message = &report.diagnostics[0].message;
    assert!(
        message.contains("a guide file must be at most 8 MB"),
        "{message}"
    );
    drop(big);
    // Memory stays in proportion to the input (well under what parsing a
    // 10 MB file into a tree would take many times over).
    if let (Some(a), Some(b)) = (before, peak_rss_kb()) {
        assert!(
            b.saturating_sub(a) < 200 * 1024,
            "peak memory grew by {} kB",
            b - a
        );
    }
}
