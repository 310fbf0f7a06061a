//! Files the person chose in a native dialog, opened here rather than by the page: the page
//! gets a token for the chosen file (`ChosenFile`) and commands take the token back, so script
//! running in the webview can never make Rust read or write a path of its own choosing.
//!
//! A token is good for the purpose it was issued for (dossier_core::files::FilePurpose): a
//! save token is used once; an import token serves the whole wizard (inspect, preview, commit,
//! error report) until a later file replaces it. Only the latest few tokens are kept.
//!
//! End-to-end tests cannot drive a native dialog: launched with `--test-dialogs FILE`, the app
//! answers every dialog with the path written in FILE (empty or missing: cancelled). It is a
//! launch argument, so the page cannot turn it on.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use dossier_core::files::{ChosenFile, FilePurpose};
use dossier_core::CoreError;
use tauri::{Runtime, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

/// How many tokens are remembered: enough for an import wizard and an export open at once.
const KEPT: usize = 8;

pub struct FileGrants {
    /// The answers file of `--test-dialogs`, instead of the native dialog.
    test_answers: Option<PathBuf>,
    grants: Mutex<Vec<(String, FilePurpose, PathBuf)>>,
    /// Seeds the tokens: random per process (std's hasher keys come from the OS).
    random: std::collections::hash_map::RandomState,
    issued: std::sync::atomic::AtomicU64,
}

impl FileGrants {
    pub fn new(test_answers: Option<PathBuf>) -> FileGrants {
        FileGrants {
            test_answers,
            grants: Mutex::new(Vec::new()),
            random: Default::default(),
            issued: Default::default(),
        }
    }

    /// Opens the dialog for `purpose` (suggesting `file_name` for a save) and returns the token
    /// of the chosen file; `None` when the person backed out.
    pub fn choose<R: Runtime>(
        &self,
        window: &WebviewWindow<R>,
        purpose: FilePurpose,
        file_name: &str,
        filter_name: &str,
    ) -> Result<Option<ChosenFile>, CoreError> {
        match self.ask(window, purpose, file_name, filter_name) {
            Some(path) => self.grant(purpose, path).map(Some),
            None => Ok(None),
        }
    }

    /// Issues the token of a file the person chose for `purpose` (in a dialog, or by dropping it).
    pub fn grant(&self, purpose: FilePurpose, path: PathBuf) -> Result<ChosenFile, CoreError> {
        let token = self.token();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let chosen = ChosenFile { token: token.clone(), name, path: path.display().to_string() };
        let mut grants = self.grants.lock().map_err(|_| CoreError::FileNotChosen)?;
        grants.push((token, purpose, path));
        let extra = grants.len().saturating_sub(KEPT);
        grants.drain(..extra);
        Ok(chosen)
    }

    /// The path behind `token` when it was issued for one of `purposes`; a save token is used
    /// up by this call.
    pub fn path(&self, token: &str, purposes: &[FilePurpose]) -> Result<PathBuf, CoreError> {
        let mut grants = self.grants.lock().map_err(|_| CoreError::FileNotChosen)?;
        let at =
            grants.iter().position(|(t, p, _)| t == token && purposes.contains(p)).ok_or(CoreError::FileNotChosen)?;
        if grants[at].1.opens() {
            Ok(grants[at].2.clone())
        } else {
            Ok(grants.remove(at).2)
        }
    }

    fn ask<R: Runtime>(
        &self,
        window: &WebviewWindow<R>,
        purpose: FilePurpose,
        file_name: &str,
        filter_name: &str,
    ) -> Option<PathBuf> {
        if let Some(answers) = &self.test_answers {
            return test_answer(answers);
        }
        let dialog = window.dialog().file().set_parent(window);
        if purpose == FilePurpose::BackupFolder {
            return dialog.blocking_pick_folder().and_then(|p| p.into_path().ok());
        }
        let dialog = dialog.add_filter(filter_name, purpose.extensions());
        let picked = if purpose.opens() {
            dialog.blocking_pick_file()
        } else {
            dialog.set_file_name(purpose.file_name(file_name)).blocking_save_file()
        };
        picked.and_then(|p| p.into_path().ok())
    }

    fn token(&self) -> String {
        use std::hash::BuildHasher;
        let n = self.issued.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let a = self.random.hash_one((n, "a"));
        let b = self.random.hash_one((n, "b"));
        format!("{a:016x}{b:016x}")
    }
}

fn test_answer(answers: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(answers).ok()?;
    let path = text.trim();
    (!path.is_empty()).then(|| PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_no_dialog_issued_is_refused() {
        let files = FileGrants::new(None);
        // The page names a path of its own: not a token.
        assert_eq!(files.path("/home/am/.bashrc", &[FilePurpose::Xlsx]), Err(CoreError::FileNotChosen));
        let report = files.grant(FilePurpose::Xlsx, PathBuf::from("/tmp/周会报告.xlsx")).unwrap();
        assert_eq!(report.name, "周会报告.xlsx");
        // A token for one purpose does not serve another (an image over the chosen .xlsx).
        assert_eq!(files.path(&report.token, &[FilePurpose::Png]), Err(CoreError::FileNotChosen));
        // A save token is good once.
        assert_eq!(files.path(&report.token, &[FilePurpose::Xlsx]).unwrap(), PathBuf::from("/tmp/周会报告.xlsx"));
        assert_eq!(files.path(&report.token, &[FilePurpose::Xlsx]), Err(CoreError::FileNotChosen));
        // An import token serves the whole wizard.
        let list = files.grant(FilePurpose::Import, PathBuf::from("/tmp/客户清单.csv")).unwrap();
        for _ in 0..3 {
            assert!(files.path(&list.token, &[FilePurpose::Import]).is_ok());
        }
    }

    #[test]
    fn tokens_are_unguessable_and_only_the_latest_are_kept() {
        let files = FileGrants::new(None);
        let tokens: Vec<String> = (0..KEPT + 2)
            .map(|i| files.grant(FilePurpose::Import, PathBuf::from(format!("/tmp/{i}.csv"))).unwrap().token)
            .collect();
        assert!(tokens.iter().all(|t| t.len() == 32), "{tokens:?}");
        assert_eq!(tokens.iter().collect::<std::collections::HashSet<_>>().len(), tokens.len());
        assert_eq!(files.path(&tokens[0], &[FilePurpose::Import]), Err(CoreError::FileNotChosen));
        assert!(files.path(&tokens[KEPT + 1], &[FilePurpose::Import]).is_ok());
    }
}
