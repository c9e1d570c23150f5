//! `--watch`: guide files changed on disk are loaded again; a broken file
//! keeps the last good guide on screen, with its errors.

use std::path::PathBuf;
use std::sync::mpsc;

use super::Wake;
use crate::app::App;
use crate::guide::{GuideSource, Library};

/// Watches a guides folder; each change sends one wake-up.
pub fn watch(dir: PathBuf, tx: mpsc::Sender<Wake>) -> Option<notify::RecommendedWatcher> {
    use notify::Watcher;
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res
            && (event.kind.is_modify() || event.kind.is_create() || event.kind.is_remove())
            && event
                .paths
                .iter()
                .any(|p| p.extension().is_some_and(|e| e == "toml"))
        {
            let _ = tx.send(Wake::GuidesChanged);
        }
    })
    .ok()?;
    watcher
        .watch(&dir, notify::RecursiveMode::NonRecursive)
        .ok()?;
    Some(watcher)
}

/// Reloads the guides after a file changed.
pub fn reload(app: &mut App, source: &GuideSource) {
    match Library::load_with(source, crate::guide::library::Checks::ErrorsOnly) {
        Ok(library) => {
            let errors = library.error_lines();
            app.reload(library, errors);
        }
        Err(e) => app.notices.reload_errors = vec![e.to_string()],
    }
}
