//! `dossier-cli export`: the app's Excel exports for scripts — the team report (the same
//! sheets as the app's, visits and pipeline included), one
//! customer's printable profile (found by name as the search finds it), the 周会 workbook of a
//! period and owners, and the import templates. Bad input (no such customer, an ambiguous name, an output folder that does
//! not exist or cannot be written) exits 2 with a message before any work is done.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use dossier_core::export::{self, Language, ReportOptions};
use dossier_core::import::plan::ImportKind;
use dossier_core::text::customer_key;
use dossier_core::weekly::{PeriodPreset, PeriodQuery, WeeklyQuery};
use dossier_core::Store;

use crate::import::KindArg;
use crate::{open, Failure};

#[derive(Args)]
pub struct ExportArgs {
    /// The database (not needed for `template`).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    /// The .xlsx file to write (replaced if it exists); required.
    #[arg(long, global = true)]
    out: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "zh", global = true)]
    lang: LangArg,
    /// Include contacts' hobbies, preferences and family (left out by default).
    #[arg(long, global = true)]
    include_personal: bool,
    /// Also print, as JSON, how long opening the database and writing the file took
    /// (`dossier-cli bench export` reads it: in the app the database is open already).
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    what: What,
}

#[derive(Subcommand)]
enum What {
    /// All customers, contacts and signals with an overview and charts, purchases, visit
    /// summaries, the open pipeline, the weighted forecast and the lost deals.
    TeamReport,
    /// 周会: the follow-up records, stage moves, deals at risk, won and lost deals, red lights
    /// new and cleared, overdue actions and the forecast of a period (this week unless
    /// --from/--to or --period), for some owners (--owner, repeated; everyone by default).
    Weekly {
        /// The first day, YYYY-MM-DD (with --to).
        #[arg(long, requires = "to")]
        from: Option<String>,
        /// The last day, YYYY-MM-DD (with --from).
        #[arg(long, requires = "from")]
        to: Option<String>,
        #[arg(long, value_enum, default_value = "this-week", conflicts_with = "from")]
        period: PeriodArg,
        /// A 负责人 to include (repeat for several).
        #[arg(long)]
        owner: Vec<String>,
    },
    /// One customer's full profile, for printing (NAME: full name, short name or a search).
    Customer { name: String },
    /// The import template of a kind (`template visits` or `template --kind visits`).
    Template {
        #[arg(value_enum, required_unless_present = "kind_flag", conflicts_with = "kind_flag")]
        kind: Option<KindArg>,
        #[arg(long = "kind", value_enum, value_name = "KIND")]
        kind_flag: Option<KindArg>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum PeriodArg {
    ThisWeek,
    LastWeek,
    ThisMonth,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

fn bad(message: String) -> Failure {
    Failure { code: 2, message }
}

/// Refuses an output whose folder is missing or read-only before an export is built.
fn check_writable(out: &Path) -> Result<(), Failure> {
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(bad(format!("无法写入 {}：文件夹 {} 不存在", out.display(), dir.display())));
    }
    if out.is_dir() {
        return Err(bad(format!("无法写入 {}：这是一个文件夹", out.display())));
    }
    let probe = dir.join(format!(".dossier-export-{}.tmp", std::process::id()));
    match std::fs::write(&probe, b"") {
        Ok(()) => {
            let _ = std::fs::remove_file(&probe);
            Ok(())
        }
        Err(e) => Err(bad(format!("无法写入 {}：{e}", out.display()))),
    }
}

/// The customer `name` means: the one whose normalised full or short name equals it, else
/// the only customer the search finds.
fn find_customer(store: &Store, name: &str) -> Result<i64, Failure> {
    let hits = store.search(name, 20)?.customers;
    let key = customer_key(name);
    let exact: Vec<_> = hits
        .iter()
        .filter(|h| {
            customer_key(&h.title) == key || h.subtitle.split(" · ").next().is_some_and(|s| customer_key(s) == key)
        })
        .collect();
    match (exact.as_slice(), hits.as_slice()) {
        ([one], _) => Ok(one.customer_id),
        ([], [one]) => Ok(one.customer_id),
        ([], []) => Err(bad(format!("没有找到客户「{name}」"))),
        (_, _) => {
            let names: Vec<&str> = hits.iter().take(8).map(|h| h.title.as_str()).collect();
            Err(bad(format!("「{name}」匹配多个客户：{}；请写全称", names.join("、"))))
        }
    }
}

fn need_db(db: &Option<PathBuf>) -> Result<Store, Failure> {
    match db {
        Some(db) => open(db),
        None => Err(bad("--db is required for this export".into())),
    }
}

pub fn run(args: ExportArgs) -> Result<(), Failure> {
    let out = args.out.clone().ok_or_else(|| bad("--out FILE is required".into()))?;
    check_writable(&out)?;
    if let Some(db) = &args.db {
        dossier_core::files::ensure_not_database(&out, db)?;
    }
    let opts = ReportOptions {
        language: match args.lang {
            LangArg::Zh => Language::Zh,
            LangArg::En => Language::En,
        },
        include_personal: args.include_personal,
    };
    let opening = std::time::Instant::now();
    let store = match &args.what {
        What::Template { .. } => None,
        _ => Some(need_db(&args.db)?),
    };
    let open_seconds = opening.elapsed().as_secs_f64();
    let exporting = std::time::Instant::now();
    let db = || store.as_ref().expect("opened for every export but a template");
    let xlsx = match &args.what {
        What::TeamReport => export::team_report(db(), &opts)?,
        What::Weekly { from, to, period, owner } => {
            let preset = match (from, period) {
                (Some(_), _) => PeriodPreset::Custom,
                (None, PeriodArg::ThisWeek) => PeriodPreset::ThisWeek,
                (None, PeriodArg::LastWeek) => PeriodPreset::LastWeek,
                (None, PeriodArg::ThisMonth) => PeriodPreset::ThisMonth,
            };
            let period =
                PeriodQuery { preset, from: from.clone().unwrap_or_default(), to: to.clone().unwrap_or_default() };
            let q = WeeklyQuery { period, owners: owner.clone(), ..Default::default() };
            export::weekly_report(db(), &q, &opts)?
        }
        What::Customer { name } => export::customer_profile(db(), find_customer(db(), name)?, &opts)?,
        What::Template { kind, kind_flag } => {
            export::template((*kind).or(*kind_flag).map_or(ImportKind::Customers, KindArg::kind))?
        }
    };
    xlsx.save(&out)?;
    let export_seconds = exporting.elapsed().as_secs_f64();
    eprintln!("已导出 {}", out.display());
    if args.json {
        let timings = serde_json::json!({ "openSeconds": open_seconds, "exportSeconds": export_seconds });
        println!("{timings}");
    }
    Ok(())
}
