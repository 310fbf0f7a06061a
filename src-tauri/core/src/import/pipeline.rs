//! Planning an import on a thread of its own while the committing thread writes the rows
//! already planned: planning (reading the cells, validating, looking for duplicates) is about
//! a third of a large import's commit, and the two overlap on a laptop's cores.
//!
//! The planner reads through a connection of its own, in a read transaction that begins
//! before anything of the import is committed: it sees the database as it was before the
//! import, as a preview does. What the file itself has created so far the planner keeps on its
//! own (`plan/rows.rs`), never reading it back from the database, so its plan is the preview's
//! and the same as planning inside the writing transaction.

use std::path::Path;
use std::sync::mpsc::sync_channel;

use rusqlite::{Connection, OpenFlags};

use crate::error::{CoreError, Result};
use crate::import::plan::Ops;

/// Rows handed over at once: one hand-over wakes the other thread, and waking it for every
/// row costs the writing thread (the import's critical path) a system call per row.
const BATCH: usize = 64;
/// Batches planned ahead of the writer at most: enough to keep both threads busy.
const AHEAD: usize = 8;

/// Runs `plan` on a second thread with a read-only connection to `file` and a sink for each
/// row's operations, and `apply` here on each row's operations, in the file's order. The
/// first failure stops both; `apply`'s (a cancel, a failed write) comes before the planner's.
pub(crate) fn plan_beside<T: Send>(
    file: &Path,
    plan: impl FnOnce(&Connection, &mut dyn FnMut(Ops) -> Result<()>) -> Result<T> + Send,
    apply: &mut dyn FnMut(Ops) -> Result<()>,
) -> Result<T> {
    let reader = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    reader.busy_timeout(std::time::Duration::from_secs(5))?;
    reader.pragma_update(None, "cache_size", -crate::db::IMPORT_PAGE_CACHE_KIB)?;
    let (send, receive) = sync_channel::<Vec<Ops>>(AHEAD);
    std::thread::scope(|scope| {
        let planner = scope.spawn(move || {
            let before = reader.unchecked_transaction()?;
            let mut batch = Vec::with_capacity(BATCH);
            let planned = plan(&before, &mut |ops| {
                batch.push(ops);
                if batch.len() < BATCH {
                    return Ok(());
                }
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                send.send(full).map_err(|_| CoreError::Cancelled)
            })?;
            if !batch.is_empty() {
                send.send(batch).map_err(|_| CoreError::Cancelled)?;
            }
            Ok(planned)
        });
        let mut applied = Ok(());
        'rows: for batch in &receive {
            for ops in batch {
                if let Err(e) = apply(ops) {
                    applied = Err(e);
                    break 'rows;
                }
            }
        }
        // The planner's next send fails, and it stops.
        drop(receive);
        let planned = planner.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        applied.and(planned)
    })
}
