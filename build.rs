//! Embeds the shipped guides (`guides/*.toml`) and the interface text
//! (`i18n/*.ftl`) in the binary, so an installed careguide works from any
//! folder; and snapshots the shipped guides that load cleanly, read and
//! validated by the app's own code (the modules below), so the app shows
//! its first frame without parsing TOML (see `src/guide/snapshot.rs`).

// The app's guide reader, compiled into this build script as it is into
// the app. Only loading is used here.
#![allow(dead_code)]

#[path = "src/i18n/compiled.rs"]
pub mod compiled;
#[path = "src/dates.rs"]
pub mod dates;
#[path = "src/guide/diagnostic.rs"]
pub mod diagnostic;
#[path = "src/guide/model.rs"]
pub mod model;
#[path = "src/guide/parse.rs"]
pub mod parse;
#[path = "src/guide/references.rs"]
pub mod references;
#[path = "src/guide/sections.rs"]
pub mod sections;
#[path = "src/text.rs"]
pub mod text;
#[path = "src/toml_reader.rs"]
pub mod toml_reader;
#[path = "src/guide/validate.rs"]
pub mod validate;
#[path = "src/guide/walk.rs"]
pub mod walk;

/// The paths those modules use (`crate::guide::model::Text`).
mod guide {
    pub use super::{diagnostic, model};
}

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    for module in [
        "src/dates.rs",
        "src/text.rs",
        "src/toml_reader.rs",
        "src/guide/diagnostic.rs",
        "src/guide/model.rs",
        "src/guide/parse.rs",
        "src/guide/references.rs",
        "src/guide/sections.rs",
        "src/guide/validate.rs",
        "src/guide/walk.rs",
        "src/i18n/compiled.rs",
    ] {
        println!("cargo:rerun-if-changed={module}");
    }
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    embed(
        &Path::new(&manifest).join("guides"),
        "toml",
        "EMBEDDED_GUIDES",
        "The shipped guides",
        &Path::new(&out_dir).join("embedded_guides.rs"),
    );
    embed(
        &Path::new(&manifest).join("i18n"),
        "ftl",
        "EMBEDDED_UI_TEXT",
        "The interface text in each language",
        &Path::new(&out_dir).join("embedded_ui_text.rs"),
    );
    compile_ui_text(
        &Path::new(&manifest).join("i18n"),
        &Path::new(&out_dir).join("compiled_ui_text.rs"),
    );
    snapshot_guides(
        &Path::new(&manifest).join("guides"),
        &Path::new(&manifest).join("i18n"),
        Path::new(&out_dir),
    );
}

/// Writes `static COMPILED_UI_TEXT: &[Option<CompiledFile>]`: each
/// `i18n/*.ftl` file (in the order `embed` lists them) compiled by the
/// app's own `i18n::compiled::compile`.
fn compile_ui_text(dir: &Path, dest: &Path) {
    let mut out = String::from(
        "/// Each embedded interface language, compiled at build time (`None`:\n\
         /// Fluent would not read the file whole).\n\
         static COMPILED_UI_TEXT: &[Option<CompiledFile>] = &[\n",
    );
    for path in files_with(dir, "ftl") {
        let source = fs::read_to_string(&path).unwrap_or_default();
        out.push_str(&compiled::to_rust(compiled::compile(&source).as_ref()));
        out.push_str(",\n");
    }
    out.push_str("];\n");
    fs::write(dest, out).expect("write the compiled interface text");
}

/// Writes `static GUIDE_SNAPSHOTS: &[(file name, postcard bytes)]`: each
/// shipped guide that loads with no message at all (no error, no warning),
/// in a language careguide has interface text for, as the app's
/// `load_file_with(.., Checks::ErrorsOnly)` would give it. Any other file
/// is left out, and the app reads it as it reads every file.
fn snapshot_guides(dir: &Path, i18n: &Path, out_dir: &Path) {
    let languages: Vec<String> = files_with(i18n, "ftl")
        .iter()
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .collect();
    let mut out = String::from(
        "/// The shipped guides that load cleanly, read and validated at build\n\
         /// time: (file name, the guide in postcard's format).\n\
         pub static GUIDE_SNAPSHOTS: &[(&str, &[u8])] = &[\n",
    );
    for path in files_with(dir, "toml") {
        let Some(guide) = fs::read_to_string(&path).ok().and_then(|s| load_clean(&s)) else {
            continue;
        };
        let primary = guide.language.split('-').next().unwrap_or_default();
        if !languages
            .iter()
            .any(|l| *l == *guide.language || l == primary)
        {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = postcard::to_allocvec(&guide).expect("a guide serializes");
        let dest = out_dir.join(format!("snapshot-{name}.bin"));
        fs::write(&dest, bytes).expect("write a guide snapshot");
        out.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            dest.display().to_string()
        ));
    }
    out.push_str("];\n");
    fs::write(out_dir.join("guide_snapshots.rs"), out).expect("write the snapshot list");
}

/// The guide a source holds, when reading and validating it says nothing.
fn load_clean(source: &str) -> Option<model::Guide> {
    // What the app refuses before parsing (empty files, config files) is
    // not snapshotted; a guide always names its format.
    if !source.contains("format_version") {
        return None;
    }
    let mut d = diagnostic::Diagnostics::new();
    let guide = parse::parse_guide(source, &mut d)?;
    validate::validate_guide(&guide, source, &mut d);
    d.is_empty().then_some(guide)
}

/// The files `*.{ext}` directly in `dir`, sorted.
fn files_with(dir: &Path, ext: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Writes `static NAME: &[(file name, contents)]` for every `*.{ext}` in `dir`.
fn embed(dir: &Path, ext: &str, name: &str, what: &str, dest: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let files = files_with(dir, ext);
    let mut out = format!(
        "/// {what}, embedded at build time: (file name, contents).\n\
         pub static {name}: &[(&str, &str)] = &[\n"
    );
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    fs::write(dest, out).expect("write the embedded file list");
}
