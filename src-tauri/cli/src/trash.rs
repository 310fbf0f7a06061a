//! `dossier-cli trash`: the app's 回收站 for scripts — list the entries (newest first), restore
//! one, or remove one or all for good.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use dossier_core::customers::{DeletedKind, TrashEntry};

use crate::{open, print_json, Failure};

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct TrashArgs {
    #[command(subcommand)]
    action: Option<Action>,
    /// The database (when listing).
    #[arg(long, required = true)]
    db: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum Action {
    /// Restore entry ID: the record comes back with what went with it.
    Restore {
        #[arg(long)]
        db: PathBuf,
        id: i64,
    },
    /// Remove entry ID, or every entry with --all, for good.
    Purge {
        #[arg(long)]
        db: PathBuf,
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        id: Option<i64>,
        #[arg(long)]
        all: bool,
    },
}

pub fn run(args: TrashArgs) -> Result<(), Failure> {
    match args.action {
        None => {
            let store = open(args.db.as_ref().expect("clap requires --db"))?;
            let mut entries: Vec<TrashEntry> = Vec::new();
            loop {
                let page = store.trash(500, entries.len() as i64)?;
                let done = page.entries.is_empty() || entries.len() as i64 + page.entries.len() as i64 >= page.total;
                entries.extend(page.entries);
                if done {
                    break;
                }
            }
            if args.json {
                print_json(&entries);
            } else {
                for e in &entries {
                    println!(
                        "{:>5}  {}  {:<8} {}  ({}){}",
                        e.id,
                        e.deleted_at,
                        kind(e.kind),
                        e.name,
                        e.customer_name,
                        contents(e)
                    );
                }
            }
        }
        Some(Action::Restore { db, id }) => {
            let r = open(&db)?.restore_trash(id)?;
            eprintln!("restored {} {} ({})", kind(r.kind), r.name, r.id);
        }
        Some(Action::Purge { db, id: Some(id), .. }) => {
            open(&db)?.purge_trash(id)?;
            eprintln!("trash entry {id} removed for good");
        }
        Some(Action::Purge { db, id: None, .. }) => {
            let n = open(&db)?.empty_trash()?;
            eprintln!("{n} trash entries removed for good");
        }
    }
    Ok(())
}

fn kind(k: DeletedKind) -> &'static str {
    match k {
        DeletedKind::Customer => "客户",
        DeletedKind::Contact => "联系人",
        DeletedKind::Visit => "跟进记录",
        DeletedKind::Opportunity => "商机",
    }
}

/// "  · 3 位联系人、2 个商机" — what went with a customer or a summary.
fn contents(e: &TrashEntry) -> String {
    let c = &e.contents;
    let parts: Vec<String> = [
        (c.contacts, "位联系人"),
        (c.opportunities, "个商机"),
        (c.visits, "条跟进记录"),
        (c.actions, "项行动"),
        (c.purchases, "条采购记录"),
        (c.power_scopes, "个权力地图范围"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("  · {}", parts.join("、"))
    }
}
