//! Embeds the shipped guides (`guides/*.toml`) and the interface text
//! (`i18n/*.ftl`) in the binary, so an installed careguide works from any
//! folder.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
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
}

/// Writes `static NAME: &[(file name, contents)]` for every `*.{ext}` in `dir`.
fn embed(dir: &Path, ext: &str, name: &str, what: &str, dest: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
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
