//! The shipped guides, read and validated at build time (`build.rs` runs
//! the same reader on `guides/*.toml` and stores each guide that loads
//! without a single message). Loading a file whose bytes are exactly a
//! snapshotted shipped file takes the snapshot instead of parsing TOML
//! again: the app's first frame waits for no parser. Any other bytes, and
//! every `careguide check`, are read in full.

use super::model::Guide;

include!(concat!(env!("OUT_DIR"), "/guide_snapshots.rs"));

/// The guide in a file named `file_name` holding `bytes`, when the build
/// snapshotted a shipped file with that name and exactly those bytes; with
/// the shipped file's text (the same bytes, known to be UTF-8).
pub fn guide_for(file_name: &str, bytes: &[u8]) -> Option<(Guide, &'static str)> {
    let (_, shipped) = super::library::EMBEDDED_GUIDES
        .iter()
        .find(|(name, _)| *name == file_name)?;
    if shipped.as_bytes() != bytes {
        return None;
    }
    let (_, snapshot) = GUIDE_SNAPSHOTS
        .iter()
        .find(|(name, _)| *name == file_name)?;
    Some((postcard::from_bytes(snapshot).ok()?, shipped))
}

/// The shipped files that have a snapshot.
pub fn snapshotted() -> impl Iterator<Item = &'static str> {
    GUIDE_SNAPSHOTS.iter().map(|(name, _)| *name)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::guide::library::{
        Checks, EMBEDDED_GUIDES, FileContent, load_file_with, read_file_with,
    };

    fn read(name: &str, text: &str) -> (crate::guide::FileReport, Option<Guide>) {
        read_file_with(
            PathBuf::from(name),
            FileContent::Bytes(text.as_bytes().to_vec()),
            Checks::ErrorsOnly,
        )
    }

    /// Each shipped file that reads without a message has a snapshot, and
    /// the snapshot is the guide reading gives, to the last span; a file
    /// with messages has none (it is read, and its messages shown).
    #[test]
    fn a_snapshot_is_exactly_what_reading_the_shipped_file_gives() {
        let mut snapshots = 0;
        for (name, text) in EMBEDDED_GUIDES {
            let (report, guide) = read(name, text);
            let clean = report.diagnostics.is_empty() && guide.is_some();
            match (guide_for(name, text.as_bytes()), clean) {
                (Some((mut snapshot, source)), true) => {
                    assert_eq!(source, *text);
                    snapshot.path = PathBuf::from(*name);
                    assert_eq!(
                        format!("{snapshot:?}"),
                        format!("{:?}", guide.unwrap()),
                        "{name}"
                    );
                    snapshots += 1;
                }
                (None, false) => {}
                (s, clean) => panic!("{name}: clean {clean}, snapshot {}", s.is_some()),
            }
        }
        assert_eq!(snapshots, snapshotted().count());
    }

    /// A shipped file's exact bytes, read from a folder, are not kept: the
    /// report holds the program's own copy of the same text.
    #[test]
    fn a_shipped_file_read_from_a_folder_keeps_the_built_in_text() {
        for name in snapshotted() {
            let (_, text) = EMBEDDED_GUIDES.iter().find(|(n, _)| *n == name).unwrap();
            let (report, guide) = load_file_with(
                PathBuf::from(name),
                FileContent::Bytes(text.as_bytes().to_vec()),
                Checks::ErrorsOnly,
            );
            assert!(guide.is_some(), "{name}");
            assert!(
                matches!(report.source, std::borrow::Cow::Borrowed(s) if std::ptr::eq(s, *text)),
                "{name}: the bytes read were kept"
            );
        }
    }

    /// Bytes that differ from the shipped file by one comment line are read,
    /// not taken from the snapshot: spans follow the edited file.
    #[test]
    fn an_edited_shipped_file_is_read_again() {
        let Some((name, text)) = EMBEDDED_GUIDES
            .iter()
            .find(|(name, _)| snapshotted().any(|s| s == *name))
        else {
            return;
        };
        let edited = format!("# edited by the clinic\n{text}");
        assert!(guide_for(name, edited.as_bytes()).is_none());
        let shipped = load_file_with(
            PathBuf::from(*name),
            FileContent::Bytes(text.as_bytes().to_vec()),
            Checks::ErrorsOnly,
        )
        .1
        .unwrap();
        let (report, guide) = load_file_with(
            PathBuf::from(*name),
            FileContent::Bytes(edited.into_bytes()),
            Checks::ErrorsOnly,
        );
        let guide = guide.expect("a comment keeps the guide valid");
        assert!(report.diagnostics.is_empty());
        assert_eq!(guide.id.span.start, shipped.id.span.start + 23);
    }
}
