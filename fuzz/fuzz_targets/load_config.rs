//! Parses arbitrary text as a clinic config file.
#![no_main]

use careguide::config::parse;
use careguide::guide::diagnostic::Diagnostics;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = std::str::from_utf8(data) {
        let mut d = Diagnostics::new();
        let _ = parse(source, &mut d);
    }
});
