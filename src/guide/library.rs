//! Finding and loading guide files: from a folder, or the copies embedded in
//! the binary. One bad file never stops the good ones from loading.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Diagnostics, FileReport};
use super::model::Guide;
use super::parity::compare_languages;
use super::{lint, parse, validate};

include!(concat!(env!("OUT_DIR"), "/embedded_guides.rs"));

/// A guide file larger than this is refused before it is parsed.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Where guides come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GuideSource {
    Dir(PathBuf),
    Embedded,
}

impl GuideSource {
    /// `--guides DIR` when given; else `./guides` when it exists; else the
    /// guides embedded in the binary.
    pub fn resolve(explicit: Option<&Path>) -> Self {
        match explicit {
            Some(dir) => GuideSource::Dir(dir.to_path_buf()),
            None if Path::new("guides").is_dir() => GuideSource::Dir(PathBuf::from("guides")),
            None => GuideSource::Embedded,
        }
    }

    pub fn describe(&self) -> String {
        match self {
            GuideSource::Dir(dir) => dir.display().to_string(),
            GuideSource::Embedded => "the guides built into careguide".to_string(),
        }
    }
}

/// Which rules loading applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checks {
    /// Every rule, warnings included (`careguide check`).
    All,
    /// Only what decides whether a guide can be used (errors): the app,
    /// `list` and `print` start faster without the plain-language lints.
    ErrorsOnly,
}

/// Why no guides could be read at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("guides folder `{}` does not exist", .0.display())]
    NotFound(PathBuf),
    #[error("cannot read `{}`: {}", .0.display(), .1)]
    Unreadable(PathBuf, io::Error),
}

/// Everything read from a guide source.
#[derive(Clone, Debug, Default)]
pub struct Library {
    /// The guides that loaded without errors, sorted by id then language.
    pub guides: Vec<Guide>,
    /// One report per file read, in path order (clean files have no diagnostics).
    pub reports: Vec<FileReport>,
}

impl Library {
    pub fn load(source: &GuideSource) -> Result<Self, LoadError> {
        Self::load_with(source, Checks::All)
    }

    pub fn load_with(source: &GuideSource, checks: Checks) -> Result<Self, LoadError> {
        Ok(Self::from_files_with(read_source(source)?, checks))
    }

    /// Loads files and folders (every `*.toml` directly inside a folder).
    pub fn load_paths(paths: &[PathBuf]) -> Result<Self, LoadError> {
        Self::load_paths_with(paths, Checks::All)
    }

    pub fn load_paths_with(paths: &[PathBuf], checks: Checks) -> Result<Self, LoadError> {
        Ok(Self::from_files_with(read_paths(paths)?, checks))
    }

    /// Loads only the files named for `language` (`ID.toml` and
    /// `ID.LANGUAGE.toml`) and sets the others aside, for the app's first
    /// frame: the other languages, and the check that a translation matches
    /// its original, wait for [`Library::complete`] (after that frame,
    /// before the first key is handled).
    pub fn load_first(
        source: &GuideSource,
        checks: Checks,
        language: &str,
    ) -> Result<(Self, Deferred), LoadError> {
        let (first, later): (Vec<_>, Vec<_>) = find_source(source)?
            .into_iter()
            .partition(|file| named_language(&file.path()).is_none_or(|l| l == language));
        let first = first
            .into_iter()
            .map(Unread::read)
            .collect::<Result<Vec<_>, _>>()?;
        Ok((
            Self::from_files_with(first, checks),
            Deferred {
                files: later,
                checks,
            },
        ))
    }

    /// Whether what [`Library::load_first`] loaded holds what the first
    /// frame shows: a guide, the one asked for (if any), in the language
    /// asked for (if any). If not, everything must load before that frame.
    pub fn can_show_first(&self, guide: Option<&str>, language: Option<&str>) -> bool {
        !self.guides.is_empty()
            && guide.is_none_or(|id| self.find(id, language).is_some())
            && language.is_none_or(|l| self.languages().contains(&l))
    }

    /// Adds the files [`Library::load_first`] set aside and applies the
    /// rules across files to the whole set, as if all were loaded at once.
    pub fn complete(self, deferred: Deferred) -> Self {
        if deferred.files.is_empty() {
            return self;
        }
        let Library { guides, reports } = self;
        let mut guides: Vec<Option<Guide>> = guides.into_iter().map(Some).collect();
        let mut loaded: Vec<(FileReport, Option<Guide>)> = reports
            .into_iter()
            .map(|r| {
                let guide = guides
                    .iter_mut()
                    .find(|g| g.as_ref().is_some_and(|g| g.path == r.path))
                    .and_then(Option::take);
                (r, guide)
            })
            .collect();
        // Read only now: a file that cannot be read any more is reported
        // like any broken file, and the others still load.
        let mut files = Vec::new();
        for file in deferred.files {
            let path = file.path();
            match file.read() {
                Ok(read) => files.push(read),
                Err(e) => loaded.push((
                    FileReport::new(
                        path,
                        String::new(),
                        vec![Diagnostic::error(None, e.to_string())],
                    ),
                    None,
                )),
            }
        }
        loaded.extend(load_files(files, deferred.checks));
        loaded.sort_by(|a, b| a.0.path.cmp(&b.0.path));
        Self::from_loaded(loaded)
    }

    /// Checks each file, then the rules that span files (one guide per id
    /// and language; translations that match their original).
    pub fn from_files(files: Vec<(PathBuf, FileContent)>) -> Self {
        Self::from_files_with(files, Checks::All)
    }

    pub fn from_files_with(files: Vec<(PathBuf, FileContent)>, checks: Checks) -> Self {
        Self::from_loaded(load_files(files, checks))
    }

    fn from_loaded(mut loaded: Vec<(FileReport, Option<Guide>)>) -> Self {
        cross_file_rules(&mut loaded);
        let mut guides: Vec<Guide> = Vec::new();
        let mut reports = Vec::new();
        for (report, guide) in loaded {
            // A file with its own errors has no guide; cross-file rules
            // took out the guides they refuse.
            if let Some(g) = guide {
                guides.push(g);
            }
            reports.push(report);
        }
        guides.sort_by(|a, b| {
            (a.id.as_str(), a.language.as_str()).cmp(&(b.id.as_str(), b.language.as_str()))
        });
        Library { guides, reports }
    }

    /// The errors of every file that has some, one message a line.
    pub fn error_lines(&self) -> Vec<String> {
        self.reports
            .iter()
            .filter(|r| r.has_errors())
            .flat_map(|r| r.lines().collect::<Vec<_>>())
            .collect()
    }

    pub fn error_count(&self) -> usize {
        self.reports
            .iter()
            .map(|r| r.count(super::diagnostic::Severity::Error))
            .sum()
    }

    /// The guide with this id in `language`, else in the first language it has.
    pub fn find(&self, id: &str, language: Option<&str>) -> Option<&Guide> {
        let mut versions = self.guides.iter().filter(|g| g.id.as_str() == id);
        match language {
            Some(lang) => versions.find(|g| g.language.as_str() == lang),
            None => self
                .guides
                .iter()
                .filter(|g| g.id.as_str() == id)
                .find(|g| g.language.as_str() == "en")
                .or_else(|| versions.next()),
        }
    }

    /// The languages a guide id is available in.
    pub fn languages_of(&self, id: &str) -> Vec<&str> {
        self.guides
            .iter()
            .filter(|g| g.id.as_str() == id)
            .map(|g| g.language.as_str())
            .collect()
    }

    /// Every language any guide is in, sorted.
    pub fn languages(&self) -> Vec<&str> {
        let mut langs: Vec<&str> = self.guides.iter().map(|g| g.language.as_str()).collect();
        langs.sort_unstable();
        langs.dedup();
        langs
    }

    /// The distinct guide ids, sorted.
    pub fn ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.guides.iter().map(|g| g.id.as_str()).collect();
        ids.dedup();
        ids
    }
}

/// Guide files found but not yet read (see [`Library::load_first`]).
#[derive(Debug)]
pub struct Deferred {
    files: Vec<Unread>,
    checks: Checks,
}

/// A guide file found, not read yet.
#[derive(Debug)]
enum Unread {
    /// A file on disk.
    Disk(PathBuf),
    /// A built-in guide: its file name and text.
    BuiltIn(&'static str, &'static str),
}

impl Unread {
    /// The path it is reported under (`<built-in>/NAME` for a built-in guide).
    fn path(&self) -> PathBuf {
        match self {
            Unread::Disk(path) => path.clone(),
            Unread::BuiltIn(name, _) => PathBuf::from(format!("<built-in>/{name}")),
        }
    }

    fn read(self) -> Result<(PathBuf, FileContent), LoadError> {
        let content = match &self {
            Unread::Disk(path) => read_limited(path)?,
            Unread::BuiltIn(_, text) => FileContent::Bytes(text.as_bytes().to_vec()),
        };
        Ok((self.path(), content))
    }
}

impl Deferred {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// The language a file's name says (`ID.LANGUAGE.toml`), if any.
fn named_language(path: &Path) -> Option<&str> {
    let stem = path.file_stem()?.to_str()?;
    stem.rsplit_once('.').map(|(_, lang)| lang)
}

/// Every guide file of a source, read, in path order.
fn read_source(source: &GuideSource) -> Result<Vec<(PathBuf, FileContent)>, LoadError> {
    find_source(source)?.into_iter().map(Unread::read).collect()
}

/// Every guide file of a source, in path order.
fn find_source(source: &GuideSource) -> Result<Vec<Unread>, LoadError> {
    match source {
        GuideSource::Dir(dir) => find_paths(std::slice::from_ref(dir)),
        GuideSource::Embedded => Ok(EMBEDDED_GUIDES
            .iter()
            .map(|(name, text)| Unread::BuiltIn(name, text))
            .collect()),
    }
}

/// The files named, and every `*.toml` directly inside the folders named, read.
fn read_paths(paths: &[PathBuf]) -> Result<Vec<(PathBuf, FileContent)>, LoadError> {
    find_paths(paths)?.into_iter().map(Unread::read).collect()
}

/// The files named, and every `*.toml` directly inside the folders named.
fn find_paths(paths: &[PathBuf]) -> Result<Vec<Unread>, LoadError> {
    let mut files = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => LoadError::NotFound(path.clone()),
            _ => LoadError::Unreadable(path.clone(), e),
        })?;
        if meta.is_dir() {
            let mut found: Vec<PathBuf> = fs::read_dir(path)
                .map_err(|e| LoadError::Unreadable(path.clone(), e))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
                .collect();
            found.sort();
            files.extend(found.into_iter().map(Unread::Disk));
        } else {
            files.push(Unread::Disk(path.clone()));
        }
    }
    Ok(files)
}

/// A file's bytes, or its size when it is too large to read.
#[derive(Debug)]
pub enum FileContent {
    Bytes(Vec<u8>),
    TooLarge(u64),
}

fn read_limited(path: &Path) -> Result<FileContent, LoadError> {
    let meta = fs::metadata(path).map_err(|e| LoadError::Unreadable(path.to_path_buf(), e))?;
    if meta.len() > MAX_FILE_BYTES {
        return Ok(FileContent::TooLarge(meta.len()));
    }
    fs::read(path)
        .map(FileContent::Bytes)
        .map_err(|e| LoadError::Unreadable(path.to_path_buf(), e))
}

/// Loads files on all cores (each file on its own is independent), in order.
fn load_files(
    files: Vec<(PathBuf, FileContent)>,
    checks: Checks,
) -> Vec<(FileReport, Option<Guide>)> {
    // Asking for the cores reads the cgroup files: only when there is a choice.
    let cores = || std::thread::available_parallelism().map_or(1, |n| n.get());
    if files.len() < 2 || cores() < 2 {
        return files
            .into_iter()
            .map(|(path, content)| load_file_with(path, content, checks))
            .collect();
    }
    let chunk = files.len().div_ceil(cores());
    let mut files = files.into_iter();
    let batches: Vec<Vec<(PathBuf, FileContent)>> = std::iter::from_fn(|| {
        let batch: Vec<_> = files.by_ref().take(chunk).collect();
        (!batch.is_empty()).then_some(batch)
    })
    .collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = batches
            .into_iter()
            .map(|batch| {
                scope.spawn(move || {
                    batch
                        .into_iter()
                        .map(|(path, content)| load_file_with(path, content, checks))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("loading a guide file does not panic"))
            .collect()
    })
}

/// Parses, validates and lints one file.
pub fn load_file(path: PathBuf, content: FileContent) -> (FileReport, Option<Guide>) {
    load_file_with(path, content, Checks::All)
}

/// Parses and validates one file, linting it too with [`Checks::All`].
/// Without the lints, a shipped file's exact bytes are taken from the
/// build-time snapshot instead (see [`super::snapshot`]).
pub fn load_file_with(
    path: PathBuf,
    content: FileContent,
    checks: Checks,
) -> (FileReport, Option<Guide>) {
    let content = match content {
        FileContent::Bytes(bytes) if checks == Checks::ErrorsOnly => {
            match path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|name| super::snapshot::guide_for(name, &bytes))
            {
                Some((mut guide, shipped)) => {
                    // A shipped file, read and validated at build time:
                    // nothing to say. Its bytes are the shipped text, so
                    // the report keeps the program's own copy and the
                    // bytes read go (before the plan and the first frame
                    // need memory).
                    guide.path = path.clone();
                    return (FileReport::new(path, shipped, Vec::new()), Some(guide));
                }
                None => FileContent::Bytes(bytes),
            }
        }
        other => other,
    };
    read_file_with(path, content, checks)
}

/// Reads one file in full: parses, validates, and lints with [`Checks::All`].
pub(crate) fn read_file_with(
    path: PathBuf,
    content: FileContent,
    checks: Checks,
) -> (FileReport, Option<Guide>) {
    let mut d = Diagnostics::new();
    let bytes = match content {
        FileContent::Bytes(bytes) => bytes,
        FileContent::TooLarge(size) => {
            d.error(
                None,
                format!(
                    "the file is {size} bytes; a guide file must be at most {} MB",
                    MAX_FILE_BYTES / 1024 / 1024
                ),
            );
            return (FileReport::new(path, String::new(), d.into_sorted()), None);
        }
    };
    let source = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // The valid prefix is unchanged by the lossy conversion, so the
            // offset of the first bad byte is the same in `text`.
            d.error(
                valid..valid,
                "the file is not valid UTF-8 text here: save it as UTF-8",
            );
            return (FileReport::new(path, text, d.into_sorted()), None);
        }
    };
    if source.trim_start_matches('\u{feff}').trim().is_empty() {
        d.error(
            0..0,
            "the file is empty: a guide starts with `format_version = 2` (see guides/FORMAT.md)",
        );
        return (FileReport::new(path, source, d.into_sorted()), None);
    }
    if let Some(message) = looks_like_config(&source) {
        d.error(0..0, message);
        return (FileReport::new(path, source, d.into_sorted()), None);
    }
    let mut guide = parse::parse_guide(&source, &mut d);
    if let Some(g) = &mut guide {
        g.path = path.clone();
    }
    if let Some(g) = &guide {
        validate::validate_guide(g, &source, &mut d);
        if checks == Checks::All && !d.has_errors() {
            // The prose checks read the text as a patient does, with the
            // references filled in.
            let mut filled = g.clone();
            super::fill_in::fill_for_checks(&mut filled);
            lint::glossary_use(&filled, &mut d);
            lint::plain_language(&filled, &mut d);
            lint::care_labels(&filled, &mut d);
            lint::stated_values(g, &source, &mut d);
            file_name_matches(&path, g, &mut d);
        }
        if g.format_version < parse::FORMAT_VERSION && checks == Checks::All {
            d.warning(
                0..0,
                format!(
                    "this guide is written in format_version {}, which careguide still reads; {}",
                    g.format_version,
                    parse::upgrade_notes()
                ),
            );
        }
        if !crate::i18n::UiText::has_language(&g.language) {
            d.error(
                g.language.span.clone(),
                format!(
                    "careguide has no interface text in language `{}`: add i18n/{}.toml to careguide",
                    g.language, g.language
                ),
            );
        }
    }
    let guide = guide.filter(|_| !d.has_errors());
    (FileReport::new(path, source, d.into_sorted()), guide)
}

/// A clinic config file given where a guide was expected: one clear
/// message instead of a guide's worth of missing keys.
fn looks_like_config(source: &str) -> Option<String> {
    // Every guide names its format; only a file without one is parsed again.
    if source.contains("format_version") {
        return None;
    }
    let doc = toml::de::DeTable::parse(source).ok()?;
    let keys: Vec<&str> = doc.get_ref().keys().map(|k| k.get_ref().as_ref()).collect();
    let config_keys = ["language", "clinic", "kiosk", "export"];
    let is_config = !keys.is_empty()
        && !keys.contains(&"format_version")
        && keys.iter().all(|k| config_keys.contains(k))
        && keys.iter().any(|k| *k != "language");
    is_config.then(|| {
        "this is a careguide config file ([clinic], [kiosk], [export]), not a guide: \
         check it with `careguide check --config PATH`"
            .to_string()
    })
}

fn file_name_matches(path: &Path, g: &Guide, d: &mut Diagnostics) {
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
        return;
    };
    let with_lang = format!("{}.{}", g.id, g.language);
    if stem != g.id.as_str() && stem != with_lang {
        d.warning(
            g.id.span.clone(),
            format!(
                "the file name `{stem}.toml` does not match the guide: name it `{}.toml` or `{with_lang}.toml`",
                g.id
            ),
        );
    }
}

/// Rules across files: one guide per (id, language); translations match
/// the structure and numbers of their original.
fn cross_file_rules(loaded: &mut [(FileReport, Option<Guide>)]) {
    for i in 0..loaded.len() {
        let Some(g) = &loaded[i].1 else { continue };
        let key = (g.id.value.clone(), g.language.value.clone());
        let span = g.id.span.clone();
        if let Some(first) = loaded[..i].iter().find(|(_, other)| {
            other
                .as_ref()
                .is_some_and(|o| (o.id.value.clone(), o.language.value.clone()) == key)
        }) {
            let first_path = first.0.path.display().to_string();
            let mut d = Diagnostics::new();
            d.error(
                span,
                format!(
                    "guide `{}` in language `{}` is already defined in {first_path}; each guide and language needs its own file",
                    key.0, key.1
                ),
            );
            loaded[i].0.diagnostics.extend(d.into_sorted());
            loaded[i].1 = None;
        }
    }
    // Translations are compared with the English version, or else with the
    // first language (alphabetically) of that guide.
    let reference_of = |loaded: &[(FileReport, Option<Guide>)], id: &str| -> Option<usize> {
        let versions: Vec<usize> = (0..loaded.len())
            .filter(|&j| loaded[j].1.as_ref().is_some_and(|g| g.id.as_str() == id))
            .collect();
        versions
            .iter()
            .copied()
            .find(|&j| {
                loaded[j]
                    .1
                    .as_ref()
                    .is_some_and(|g| g.language.as_str() == "en")
            })
            .or_else(|| {
                versions
                    .iter()
                    .copied()
                    .min_by_key(|&j| loaded[j].1.as_ref().map(|g| g.language.value.clone()))
            })
    };
    for i in 0..loaded.len() {
        let Some(id) = loaded[i].1.as_ref().map(|g| g.id.value.clone()) else {
            continue;
        };
        let Some(r) = reference_of(loaded, &id) else {
            continue;
        };
        if r == i {
            continue;
        }
        let report = match (&loaded[r].1, &loaded[i].1) {
            (Some(reference), Some(translation)) => compare_languages(
                reference,
                &loaded[r].0.path,
                &loaded[r].0.source,
                translation,
                &loaded[i].0.source,
            ),
            _ => continue,
        };
        if !report.is_empty() {
            // The translation is not used until it matches; the original is.
            loaded[i].1 = None;
        }
        let sorted = |v: Vec<crate::guide::Diagnostic>| {
            let mut d = Diagnostics::new();
            for x in v {
                d.push(x);
            }
            d.into_sorted()
        };
        loaded[i].0.diagnostics.extend(sorted(report.translation));
        loaded[r].0.diagnostics.extend(sorted(report.reference));
    }
}
