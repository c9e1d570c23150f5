//! Prints a valid synthetic guide of about N bytes (default 1 MB), for
//! trying the loader on big files: `cargo run --example synthetic_guide -- 1000000 > big.toml`.

fn main() {
    let bytes = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    print!("{}", careguide::guide::synthetic::guide(bytes));
}
