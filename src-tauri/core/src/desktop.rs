//! What the desktop app keeps outside any database, and what its native menu tells the page.
//!
//! - [`RecentDatabases`]: the databases opened lately, newest first, in a small JSON file of the
//!   app's config folder (the shell names the file). The first is the one the app opens at the
//!   next start. The page refers to an entry by its place in the list, never by its path.
//! - [`MenuAction`]: a menu item (or its shortcut) the page carries out; the shell sends it as
//!   the `menu` event (src-tauri/src/menu.rs).
//! - [`take_dropped`]: a spreadsheet dropped on the window, kept in the app's own folder so the
//!   import wizard can read it like a file chosen in the dialog.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, ReadError, Result};
use crate::files::FilePurpose;

/// How many databases the list keeps.
pub const RECENT_KEPT: usize = 8;

/// One entry of 文件 → 最近打开, as the page shows it.
#[derive(Serialize, TS, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct RecentDatabase {
    /// The file name, which the menu shows.
    pub name: String,
    /// The whole path, shown beside it (the page never sends it back).
    pub path: String,
    /// The file is gone (moved, deleted, on a disk not plugged in): shown as missing.
    pub missing: bool,
    /// The database open now.
    pub current: bool,
}

/// The recent-databases list and the file it lives in.
pub struct RecentDatabases {
    file: PathBuf,
    paths: Vec<PathBuf>,
}

impl RecentDatabases {
    /// Reads the list from `file`. A missing or damaged file is an empty list: losing the
    /// list must never keep the app from starting.
    pub fn load(file: &Path) -> RecentDatabases {
        let paths = std::fs::read(file)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Vec<PathBuf>>(&bytes).ok())
            .unwrap_or_default();
        let mut list = RecentDatabases { file: file.to_path_buf(), paths: Vec::new() };
        for path in paths.into_iter().rev() {
            list.push_front(path);
        }
        list
    }

    /// The database opened last, when its file is still there.
    pub fn last_existing(&self) -> Option<&Path> {
        self.paths.first().map(PathBuf::as_path).filter(|p| p.is_file())
    }

    /// Puts `db` first (it was just opened) and saves the list.
    pub fn opened(&mut self, db: &Path) -> Result<()> {
        let db = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
        self.push_front(db);
        self.save()
    }

    /// Takes the entry at `index` out of the list and saves it.
    pub fn remove(&mut self, index: usize) -> Result<()> {
        self.entry(index)?;
        self.paths.remove(index);
        self.save()
    }

    /// The path at `index` (as listed by [`RecentDatabases::list`]).
    pub fn entry(&self, index: usize) -> Result<&Path> {
        self.paths
            .get(index)
            .map(PathBuf::as_path)
            .ok_or(CoreError::NotFound { entity: "recent".into(), id: index as i64 })
    }

    /// The entries, newest first; `current` is the database open now.
    pub fn list(&self, current: Option<&Path>) -> Vec<RecentDatabase> {
        let current = current.map(|c| std::fs::canonicalize(c).unwrap_or_else(|_| c.to_path_buf()));
        self.paths
            .iter()
            .map(|p| RecentDatabase {
                name: p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                path: p.display().to_string(),
                missing: !p.is_file(),
                current: current.as_deref() == Some(p.as_path()),
            })
            .collect()
    }

    fn push_front(&mut self, path: PathBuf) {
        self.paths.retain(|p| p != &path);
        self.paths.insert(0, path);
        self.paths.truncate(RECENT_KEPT);
    }

    fn save(&self) -> Result<()> {
        let io = |e: std::io::Error| CoreError::Io { path: self.file.display().to_string(), detail: e.to_string() };
        if let Some(dir) = self.file.parent() {
            crate::private_file::create_dir_all(dir).map_err(io)?;
        }
        let json = serde_json::to_vec_pretty(&self.paths).expect("paths serialise");
        crate::files::write_atomically(&self.file, &json)
    }
}

/// What the menu shows that the page decides: its language and the two switches' states.
#[derive(Deserialize, TS, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct MenuLook {
    /// The page's locale: `en`, else Chinese.
    pub language: String,
    pub presenting: bool,
    pub dark: bool,
}

/// What a menu item asks the page to do. Items the shell carries out itself (退出, 缩放,
/// 打开日志文件夹) are not here.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "action", rename_all = "camelCase")]
pub enum MenuAction {
    NewCustomer,
    Import,
    ExportTeamReport,
    OpenDatabase,
    NewDatabase,
    /// An entry of 最近打开, by its place in the list.
    OpenRecent {
        index: usize,
    },
    /// 管理最近打开…: the list in 设置, where a missing entry can be removed.
    ManageRecent,
    Backup,
    Undo,
    Find,
    Presentation,
    DarkMode,
    About,
}

/// Keeps a file dropped on the window in `dir` (the app's own folder for them) under its own
/// name, so the import wizard reads it as it reads a file chosen in the dialog. Only the latest
/// drop is kept: a customer list does not linger in the cache. An empty file or one that is not
/// a spreadsheet or CSV is refused, naming it, and nothing is written.
pub fn take_dropped(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf> {
    // Only the last part of the name: a name with a folder in it stays in `dir`.
    let name = name.rsplit(['/', '\\']).next().unwrap_or_default().trim().to_string();
    let extension = Path::new(&name).extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
    if name.is_empty() || !FilePurpose::Import.extensions().contains(&extension.as_str()) {
        return Err(CoreError::Unreadable { error: ReadError::UnknownFormat { file: name } });
    }
    if bytes.is_empty() {
        return Err(CoreError::Unreadable { error: ReadError::Empty { file: name } });
    }
    let io = |e: std::io::Error| CoreError::Io { path: dir.display().to_string(), detail: e.to_string() };
    crate::private_file::create_dir_all(dir).map_err(io)?;
    for earlier in std::fs::read_dir(dir).map_err(io)?.flatten() {
        let _ = std::fs::remove_file(earlier.path());
    }
    let target = dir.join(&name);
    crate::files::write_atomically(&target, bytes)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_keeps_the_newest_first_once_each_and_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config/recent.json");
        let (a, b) = (dir.path().join("a.sqlite"), dir.path().join("b.sqlite"));
        std::fs::write(&a, "x").unwrap();
        std::fs::write(&b, "x").unwrap();
        let mut list = RecentDatabases::load(&file);
        assert!(list.list(None).is_empty() && list.last_existing().is_none());
        list.opened(&a).unwrap();
        list.opened(&b).unwrap();
        list.opened(&a).unwrap();
        let again = RecentDatabases::load(&file);
        let names: Vec<_> = again.list(Some(&a)).into_iter().map(|e| (e.name, e.current)).collect();
        assert_eq!(names, [("a.sqlite".to_string(), true), ("b.sqlite".to_string(), false)]);
        assert_eq!(again.last_existing(), Some(std::fs::canonicalize(&a).unwrap().as_path()));
    }

    #[test]
    fn a_gone_file_is_marked_missing_removable_and_never_opened_at_start() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("recent.json");
        let gone = dir.path().join("gone.sqlite");
        std::fs::write(&gone, "x").unwrap();
        let mut list = RecentDatabases::load(&file);
        list.opened(&gone).unwrap();
        std::fs::remove_file(&gone).unwrap();
        let mut list = RecentDatabases::load(&file);
        assert!(list.list(None)[0].missing);
        assert_eq!(list.last_existing(), None);
        assert!(matches!(list.remove(3), Err(CoreError::NotFound { .. })));
        list.remove(0).unwrap();
        assert!(RecentDatabases::load(&file).list(None).is_empty());
    }

    #[test]
    fn a_damaged_list_file_is_an_empty_list_and_the_list_stays_short() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("recent.json");
        std::fs::write(&file, "{not json").unwrap();
        let mut list = RecentDatabases::load(&file);
        assert!(list.list(None).is_empty());
        for i in 0..RECENT_KEPT + 3 {
            list.opened(&dir.path().join(format!("{i}.sqlite"))).unwrap();
        }
        let kept = RecentDatabases::load(&file).list(None);
        assert_eq!(kept.len(), RECENT_KEPT);
        assert_eq!(kept[0].name, format!("{}.sqlite", RECENT_KEPT + 2));
    }

    #[test]
    fn a_dropped_spreadsheet_is_kept_and_anything_else_refused_unwritten() {
        let dir = tempfile::tempdir().unwrap();
        let drops = dir.path().join("dropped");
        let kept = take_dropped(&drops, "../../客户清单.CSV", "名称\n华为".as_bytes()).unwrap();
        assert_eq!(kept, drops.join("客户清单.CSV"));
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), "名称\n华为");
        let refused = |name: &str, bytes: &[u8]| take_dropped(&drops, name, bytes).unwrap_err();
        assert_eq!(
            refused("合同.pdf", b"%PDF"),
            CoreError::Unreadable { error: ReadError::UnknownFormat { file: "合同.pdf".into() } }
        );
        assert_eq!(
            refused("空.xlsx", b""),
            CoreError::Unreadable { error: ReadError::Empty { file: "空.xlsx".into() } }
        );
        assert!(matches!(refused("", b"x"), CoreError::Unreadable { .. }));
        assert_eq!(std::fs::read_dir(&drops).unwrap().count(), 1, "nothing written for a refused drop");
        let next = take_dropped(&drops, "第二批.xlsx", b"PK").unwrap();
        let left: Vec<_> = std::fs::read_dir(&drops).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(left, [next], "only the latest drop is kept");
    }
}
