//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod qr_image;
pub mod screen;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The built careguide binary.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_careguide")
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(path: &str) -> PathBuf {
    root().join("tests/fixtures").join(path)
}

/// The test guides the app's tests run on (frozen wording, every format
/// feature), so the shipped guides' text can change freely.
pub fn app_guides() -> PathBuf {
    fixture("app")
}

/// The test guides, loaded.
pub fn app_library() -> careguide::guide::Library {
    careguide::guide::Library::load(&careguide::guide::GuideSource::Dir(app_guides()))
        .expect("the test guides load")
}

/// Runs careguide on the test guides (`--guides tests/fixtures/app`).
pub fn run_app(args: &[&str]) -> Output {
    let dir = app_guides();
    let mut all = vec!["--guides", dir.to_str().expect("a UTF-8 path")];
    all.extend_from_slice(args);
    run(&all)
}

/// Runs careguide with `args` in the repository root, with NO_COLOR unset.
pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args)
}

pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("run careguide")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
