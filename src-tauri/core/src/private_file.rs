//! The database holds other people's personal details (contact cards: family, preferences,
//! personality), so on Unix its file, its `-wal`/`-shm` and the folders Dossier creates for it
//! are private to the user: 0600 and 0700, set explicitly, so a permissive umask does not
//! matter. SQLite gives the `-wal` and `-shm` it creates the database file's mode.
//!
//! An existing database file (and its `-wal`/`-shm`) is tightened to 0600 each time it is
//! opened for writing, once it has been checked as a Dossier file: a file written by an older
//! Dossier, created 0644, becomes private too. When that is not allowed (a file owned by
//! someone else) it is opened as it is. A folder that already exists is never changed: it may
//! be the user's Documents. Elsewhere than Unix these functions only create.

use std::io;
use std::path::Path;

/// Creates `dir` and its missing parents, each created one private.
pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    let missing: Vec<&Path> = dir.ancestors().take_while(|d| !d.as_os_str().is_empty() && !d.exists()).collect();
    std::fs::create_dir_all(dir)?;
    for d in missing {
        restrict(d, 0o700)?;
    }
    Ok(())
}

/// Creates the database file empty when missing (SQLite then starts a new database in it),
/// private; an existing one and its `-wal`/`-shm` are tightened where allowed.
pub fn prepare_database(db: &Path) -> io::Result<()> {
    if !db.exists() {
        std::fs::OpenOptions::new().write(true).create_new(true).open(db)?;
        return restrict(db, 0o600);
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let path = Path::new(&name);
        if path.exists() {
            // Best effort: not being the owner is no reason to refuse a file we may write.
            let _ = restrict(path, 0o600);
        }
    }
    Ok(())
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}
