//! dossier-cli: Dossier's core for scripts and batch work. Every subcommand takes `--db PATH`.
//! Exit codes: 0 success, 2 bad input (arguments, a file that cannot be opened or is open in
//! another Dossier, a refused value), 1 anything else (a full disk, a busy database). Messages
//! go to stderr; results to stdout, which may be closed early (`| head`): see
//! `end_quietly_on_a_closed_pipe`.

mod backup;
mod bench;
mod export;
mod import;
mod trash;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

/// mimalloc rather than the system allocator: an import of 100k rows makes millions of small
/// strings, and glibc's allocator spent a third of its time (measured: the commit of
/// `bench import` 2.7 s → 2.0 s). The app uses it too (`src-tauri/src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use dossier_core::{CoreError, Store, SystemClock};

#[derive(Parser)]
#[command(name = "dossier-cli", version, about = "大客户档案 · Dossier from the command line")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load the sample dataset (N × the base customers with --scale N, for benchmarks).
    Demo {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        scale: u32,
        /// Generated copies each buy this many of 50 catalogue products every month for 36
        /// months (`--scale 56 --purchases 14`: the trend benchmark's ≈1M records).
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=50))]
        purchases: u32,
        /// Generated copies each get this many opportunities (`--scale 57 --deals 5 --visits
        /// 100`: the risk benchmark's 10,080 opportunities and 201,600 follow-up records).
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=100))]
        deals: u32,
        /// … and this many follow-up records over two years, with their next actions.
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=1000))]
        visits: u32,
        /// Generated copies each get this many contacts (`--scale 2 --contacts 150 --purchases
        /// 50 --visits 1000`: the webview speed test's heaviest customer pages).
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=500))]
        contacts: u32,
    },
    /// A customer's purchase trend data (the 采购趋势 tab) as JSON. CUSTOMER: id or name.
    Trends {
        #[arg(long)]
        db: PathBuf,
        /// The last N months (default 12), unless --from/--to.
        #[arg(long, default_value_t = 12)]
        months: i64,
        #[arg(long, requires = "to")]
        from: Option<String>,
        #[arg(long, requires = "from")]
        to: Option<String>,
        customer: String,
    },
    /// Signals as JSON: the feed across all customers (most severe first), or one customer's.
    Signals {
        #[arg(long)]
        db: PathBuf,
        /// Only this customer (id or name).
        #[arg(long)]
        customer: Option<String>,
        /// Filter by grade (A–D), repeatable.
        #[arg(long)]
        grade: Vec<String>,
        /// Filter by owner (负责人), repeatable.
        #[arg(long)]
        owner: Vec<String>,
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// What the stage history says (JSON): days in each stage, how many move on, the sales cycle
    /// (立项 → 成交) and the win rate by owner, industry, grade, lead source and competitor
    StageStats {
        #[arg(long)]
        db: PathBuf,
        /// The period's first day (YYYY-MM-DD); open-ended when left out.
        #[arg(long, default_value = "")]
        from: String,
        /// The period's last day (YYYY-MM-DD), included.
        #[arg(long, default_value = "")]
        to: String,
        /// Only the deals of this owner (负责人), repeatable.
        #[arg(long)]
        owner: Vec<String>,
    },
    /// Counts per entity.
    Stats {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The app's search: customers and contacts matching QUERY.
    Search {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 8)]
        limit: usize,
        query: String,
    },
    /// Import customers, contacts, purchase records, follow-up records or opportunities from .xlsx/.xlsm/.xlsb/.xls/.ods/.csv: prints the preview
    /// (new / update / duplicate / error counts and every refused cell), then commits unless
    /// --dry-run. Exit 0 when it ran (even with row errors), 2 when the file cannot be read.
    Import {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_enum)]
        kind: import::KindArg,
        #[arg(long)]
        sheet: Option<String>,
        /// 1-based row of the headers (detected when omitted).
        #[arg(long)]
        header_row: Option<usize>,
        /// CSV encoding (detected when omitted).
        #[arg(long, value_enum)]
        encoding: Option<EncodingArg>,
        #[arg(long, value_enum, default_value = "skip")]
        on_duplicate: DuplicateArg,
        /// The year a revenue column (年营收, 营业额…) is of when neither its header ("2025年营收")
        /// nor a year column says; last year when omitted.
        #[arg(long)]
        revenue_year: Option<i32>,
        /// Map the columns with this mapping template saved in the app (by header text).
        #[arg(long)]
        template: Option<String>,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
        file: PathBuf,
    },
    /// List past imports, newest first.
    Imports {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Undo an import: what it created goes to the trash (its purchase records are deleted),
    /// what it updated gets its previous values back except fields edited since.
    UndoImport {
        #[arg(long)]
        db: PathBuf,
        /// Revert the fields edited after the import too.
        #[arg(long)]
        revert_edited: bool,
        /// Only print (JSON) what the undo would do, with the records edited since.
        #[arg(long)]
        preview: bool,
        id: i64,
    },
    /// The trash (回收站): list entries (newest first), `restore ID`, `purge ID | --all`.
    Trash(trash::TrashArgs),
    /// 彻底删除: erase contact ID (live or in the trash) from every table and stored copy, and
    /// free the pages; prints what was removed where (JSON). Asks nothing; cannot be undone.
    EraseContact {
        #[arg(long)]
        db: PathBuf,
        id: i64,
    },
    /// Write an Excel export: `team-report`, `weekly`, `customer NAME` or `template KIND`.
    Export(export::ExportArgs),
    /// Take a verified snapshot of the database now (立即备份); prints where it is.
    Backup {
        #[arg(long)]
        db: PathBuf,
    },
    /// List the database's snapshots, newest first, with what each holds.
    Backups {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Replace the database's contents with a snapshot (any Dossier file); the current state
    /// is backed up first.
    Restore {
        #[arg(long)]
        db: PathBuf,
        snapshot: PathBuf,
    },
    /// Benchmarks.
    Bench {
        #[command(subcommand)]
        what: BenchCommand,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Search latency per query class against the naive LIKE scan (run on a `demo --scale 5556
    /// --deals 1 --visits 1` db: 200k customers, 200k deals, 200k follow-up records).
    Search {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
        /// Queries timed per class.
        #[arg(long, default_value_t = 300)]
        queries: usize,
    },
    /// Import of a generated customer .xlsx (fresh database per run) against openpyxl reading it;
    /// `--kind visits`: of a follow-up record .xlsx about 1,000 customers already in the database.
    Import {
        /// customers (default) or visits.
        #[arg(long, value_enum, default_value = "customers")]
        kind: import::KindArg,
        /// Rows to import: 100,000 customers or 10,000 follow-up records by default.
        #[arg(long, value_parser = at_least_one)]
        rows: Option<usize>,
        #[arg(long, value_parser = at_least_one, default_value_t = 3)]
        runs: usize,
        /// Keep the generated files here (a temporary folder otherwise).
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Power-map layout and load of a generated 150-contact, 300-edge map (p50/p95) against a
    /// naive O(n²) layout and the plain SQL load.
    PowerMap {
        #[arg(long, value_parser = at_least_one, default_value_t = 200)]
        runs: usize,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Purchase trends on a `demo --scale 56 --purchases 14` db: one customer's trend data and
    /// the signal feed (p50/p95) against a plain GROUP BY over the raw table + the detectors.
    Trends {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_parser = at_least_one, default_value_t = 200)]
        runs: usize,
        #[arg(long)]
        json: bool,
    },
    /// Risk lights, home page and timeline on a `demo --scale 57 --deals 5 --visits 100` db
    /// (p50/p95), the lights against the same rules evaluated customer by customer.
    Risk {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_parser = at_least_one, default_value_t = 100)]
        runs: usize,
        #[arg(long)]
        json: bool,
    },
    /// Snapshot and restore of a database with the generated customers (time and size).
    Backup {
        #[arg(long, value_parser = at_least_one, default_value_t = 100_000)]
        rows: usize,
        #[arg(long, value_parser = at_least_one, default_value_t = 3)]
        runs: usize,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Crashes: the import of a generated customer list, and a loop of profile saves, each
    /// SIGKILLed at a random moment `runs` times; then the file's integrity, whether it opens,
    /// all-or-nothing imports and whole saves. Also one save's cost under synchronous=NORMAL
    /// and FULL. Unix only.
    Kill {
        #[arg(long, value_parser = at_least_one, default_value_t = 50)]
        runs: usize,
        #[arg(long, value_parser = at_least_one, default_value_t = 20_000)]
        rows: usize,
        /// The kill moments' seed (from the clock otherwise; the report shows it).
        #[arg(long)]
        seed: Option<u64>,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// The kill test's child: saves a customer's profile over and over until killed.
    #[command(hide = true)]
    SaveLoop {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        customer: i64,
    },
    /// 周会 on a `demo --scale 57 --deals 5 --visits 100` db: the view and the workbook of the
    /// last 30 days (p50/p95) against reading the records and stage histories row by row.
    Weekly {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_parser = at_least_one, default_value_t = 50)]
        runs: usize,
        #[arg(long)]
        json: bool,
    },
    /// 业绩 and 阶段分析 of this year on a `demo --scale 57 --deals 5 --visits 100` db (p50/p95)
    /// against the same figures computed deal by deal; sets quarterly targets in the file first.
    Results {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_parser = at_least_one, default_value_t = 50)]
        runs: usize,
        #[arg(long)]
        json: bool,
    },
    /// Team report of a database with the generated customers against XlsxWriter writing its cells.
    Export {
        #[arg(long, value_parser = at_least_one, default_value_t = 100_000)]
        rows: usize,
        #[arg(long, value_parser = at_least_one, default_value_t = 3)]
        runs: usize,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum EncodingArg {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "utf-16le", alias = "utf16le")]
    Utf16Le,
    #[value(name = "utf-16be", alias = "utf16be")]
    Utf16Be,
    #[value(alias = "gb18030")]
    Gbk,
    Big5,
    #[value(name = "windows-1252", alias = "cp1252")]
    Windows1252,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DuplicateArg {
    Skip,
    Fill,
    Overwrite,
}

/// A failure with its exit code.
struct Failure {
    code: u8,
    message: String,
}

impl From<CoreError> for Failure {
    fn from(e: CoreError) -> Self {
        let code = match e {
            CoreError::Database { .. } | CoreError::DiskFull { .. } | CoreError::Busy => 1,
            _ => 2,
        };
        Failure { code, message: e.to_string() }
    }
}

/// Opens the database; a snapshot before migrating it that failed is reported (the command
/// goes on, as the app does). The search index is checked before the command (the app checks
/// it after its first screen): a damaged one is rebuilt from the records, said on stderr.
fn open(db: &std::path::Path) -> Result<Store, Failure> {
    let store = Store::open(db, Arc::new(SystemClock))?;
    warn_backup(&store);
    if Store::check_search_index(db)?.is_some() {
        eprintln!("dossier-cli: warning: the search index was damaged: it is rebuilt from the records (nothing else is touched)");
        store.rebuild_search_index()?;
        while store.catch_up_search(dossier_core::customers::CATCH_UP_CHUNK)? > 0 {}
    }
    Ok(store)
}

/// A benchmark's database, which must exist: opening a missing one would create an empty
/// database to time nothing.
fn open_existing(db: &std::path::Path) -> Result<Store, Failure> {
    if !db.is_file() {
        let message = format!("no database at {}: make one with `dossier-cli demo --db FILE`", db.display());
        return Err(Failure { code: 2, message });
    }
    open(db)
}

/// Reports an automatic snapshot that failed (before a migration, an import or an undo).
fn warn_backup(store: &Store) {
    if let Some(w) = store.take_backup_warning() {
        eprintln!("dossier-cli: warning: no snapshot was taken ({}): {}", w.reason.code(), w.error);
    }
}

fn print_json(value: &impl serde::Serialize) {
    println!("{}", serde_json::to_string_pretty(value).expect("results serialise"));
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Demo { db, scale, purchases, deals, visits, contacts } => {
            let store = open(&db)?;
            let started = std::time::Instant::now();
            let n = dossier_core::sample::load_sized(&store, scale as usize, contacts as usize)?;
            eprintln!("loaded {n} customers into {} in {:.1}s", db.display(), started.elapsed().as_secs_f64());
            if purchases > 0 {
                let started = std::time::Instant::now();
                let records = dossier_core::sample::load_copy_purchases(&store, purchases as usize)?;
                let recomputed = store.refresh_trend_cache()?;
                eprintln!(
                    "added {records} purchase records ({recomputed} customers' trends computed) in {:.1}s",
                    started.elapsed().as_secs_f64()
                );
            }
            if deals + visits > 0 {
                let started = std::time::Instant::now();
                let (o, v, a) = dossier_core::sample::load_copy_pipeline(&store, deals as usize, visits as usize)?;
                eprintln!(
                    "added {o} opportunities, {v} follow-up records and {a} rows of 回款 and 交付 in {:.1}s",
                    started.elapsed().as_secs_f64()
                );
            }
        }
        Command::Trends { db, months, from, to, customer } => {
            use dossier_core::trends::TrendRange;
            let store = open(&db)?;
            let id = customer_id(&store, &customer)?;
            let range = match (from, to) {
                (Some(from), Some(to)) => TrendRange::Custom { from, to },
                _ => TrendRange::Last { months },
            };
            print_json(&store.trend_data(id, &range)?);
        }
        Command::Signals { db, customer, grade, owner, limit } => {
            use dossier_core::customers::Grade;
            use dossier_core::trends::FeedQuery;
            let store = open(&db)?;
            if let Some(c) = customer {
                print_json(&store.customer_signals(customer_id(&store, &c)?)?);
            } else {
                let grades = grade
                    .iter()
                    .map(|g| {
                        Grade::from_code(&g.to_ascii_uppercase())
                            .ok_or_else(|| Failure { code: 2, message: format!("unknown grade {g:?} (A, B, C or D)") })
                    })
                    .collect::<Result<_, _>>()?;
                print_json(&store.signal_feed(&FeedQuery { grades, owners: owner, limit, ..Default::default() })?);
            }
        }
        Command::StageStats { db, from, to, owner } => {
            let q = dossier_core::opportunities::stage_stats::StageStatsQuery {
                from,
                to,
                owners: owner,
                ..Default::default()
            };
            print_json(&open(&db)?.stage_stats(&q)?);
        }
        Command::Stats { db, json } => {
            let stats = open(&db)?.stats()?;
            if json {
                print_json(&stats);
            } else {
                println!("customers          {}", stats.customers);
                println!("contacts           {}", stats.contacts);
                println!("financial periods  {}", stats.financial_periods);
                println!("suppliers          {}", stats.suppliers);
                println!("role assessments   {}", stats.role_assessments);
                println!("purchases          {}", stats.purchases);
            }
        }
        Command::Search { db, json, limit, query } => {
            let results = open(&db)?.search(&query, limit)?;
            let hits: Vec<_> = results
                .customers
                .iter()
                .chain(&results.contacts)
                .chain(&results.visits)
                .chain(&results.opportunities)
                .chain(&results.suppliers)
                .collect();
            if json {
                print_json(&hits);
            } else if hits.is_empty() {
                eprintln!("nothing matches {query:?}");
            } else {
                for h in hits {
                    println!("{:<8} {:>8}  {}  {}", h.kind.code(), h.id, h.title, h.subtitle);
                }
            }
        }
        Command::Import {
            db,
            kind,
            sheet,
            header_row,
            encoding,
            on_duplicate,
            revenue_year,
            template,
            dry_run,
            json,
            file,
        } => {
            use dossier_core::import::plan::OnDuplicate;
            use dossier_core::import::read::TextEncoding;
            use dossier_core::import::ImportSpec;
            let store = open(&db)?;
            let spec = ImportSpec {
                path: file,
                kind: kind.kind(),
                sheet,
                header_row,
                mapping: None,
                encoding: encoding.map(|e| match e {
                    EncodingArg::Utf8 => TextEncoding::Utf8,
                    EncodingArg::Utf16Le => TextEncoding::Utf16Le,
                    EncodingArg::Utf16Be => TextEncoding::Utf16Be,
                    EncodingArg::Gbk => TextEncoding::Gb18030,
                    EncodingArg::Big5 => TextEncoding::Big5,
                    EncodingArg::Windows1252 => TextEncoding::Windows1252,
                }),
                on_duplicate: match on_duplicate {
                    DuplicateArg::Skip => OnDuplicate::Skip,
                    DuplicateArg::Fill => OnDuplicate::Fill,
                    DuplicateArg::Overwrite => OnDuplicate::Overwrite,
                },
                fixes: Vec::new(),
                revenue_year,
            };
            let outcome = import::run(&store, &spec, template.as_deref(), dry_run)
                .map_err(|message| Failure { code: 2, message })?;
            warn_backup(&store);
            if json {
                print_json(&outcome);
            } else {
                import::print(&outcome);
            }
        }
        Command::Imports { db, json } => {
            let history = open(&db)?.import_history()?;
            if json {
                print_json(&history);
            } else {
                for r in history {
                    let undone = r.undone_at.map(|at| format!("（已撤销 {at}）")).unwrap_or_default();
                    println!(
                        "{:>4}  {}  {} · {}  新增 {} 更新 {} 跳过 {} 错误 {}{undone}",
                        r.id, r.imported_at, r.file, r.sheet, r.created, r.updated, r.skipped, r.errors
                    );
                }
            }
        }
        Command::UndoImport { db, id, preview: true, .. } => print_json(&open(&db)?.import_undo_preview(id)?),
        Command::UndoImport { db, id, revert_edited, preview: false } => {
            let store = open(&db)?;
            let r = store.undo_import(id, revert_edited)?;
            warn_backup(&store);
            eprintln!("import {} ({}) undone", r.id, r.file);
        }
        Command::Trash(args) => trash::run(args)?,
        Command::Backup { db } => {
            let snap = open(&db)?.snapshot_now()?;
            eprintln!("snapshot verified: {}", backup::describe(&snap));
            println!("{}", snap.path);
        }
        Command::Backups { db, json } => {
            let list = open(&db)?.snapshots()?;
            if json {
                print_json(&list);
            } else {
                backup::print(&list);
            }
        }
        Command::Restore { db, snapshot } => {
            let before = open(&db)?.restore_snapshot(&snapshot)?;
            eprintln!("restored {} from {}", db.display(), snapshot.display());
            eprintln!("the state before was kept in {}", before.path);
        }
        Command::EraseContact { db, id } => {
            let report = open(&db)?.erase_contact(id)?;
            print_json(&report);
            eprintln!("contact {id} erased");
        }
        Command::Export(args) => export::run(args)?,
        Command::Bench { what: BenchCommand::Search { db, json, queries } } => {
            let store = open_existing(&db)?;
            let report = bench::search::search(&store, queries).map_err(|message| Failure { code: 2, message })?;
            show(&report, json, |r| bench::search::print_table(r));
        }
        Command::Bench { what: BenchCommand::Import { kind, rows, runs, dir, json } } => {
            let visits = match kind {
                import::KindArg::Customers => false,
                import::KindArg::Visits => true,
                _ => return Err(Failure { code: 2, message: "bench import: --kind customers or visits".into() }),
            };
            let rows = rows.unwrap_or(if visits { 10_000 } else { 100_000 });
            let (_temp, dir) = bench_dir(dir)?;
            let report = bench::import::run(visits, rows, runs, &dir).map_err(bench_failed)?;
            show(&report, json, bench::import::print);
        }
        Command::Bench { what: BenchCommand::PowerMap { runs, dir, json } } => {
            let (_temp, dir) = bench_dir(dir)?;
            show(&bench::power_map::run(runs, &dir).map_err(bench_failed)?, json, bench::power_map::print);
        }
        Command::Bench { what: BenchCommand::Trends { db, runs, json } } => {
            let store = open_existing(&db)?;
            show(&bench::trends::run(store, &db, runs).map_err(bench_failed)?, json, bench::trends::print);
        }
        Command::Bench { what: BenchCommand::Risk { db, runs, json } } => {
            let store = open_existing(&db)?;
            show(&bench::risk::run(&store, runs).map_err(bench_failed)?, json, bench::risk::print);
        }
        Command::Bench { what: BenchCommand::Backup { rows, runs, dir, json } } => {
            let (_temp, dir) = bench_dir(dir)?;
            show(&bench::backup::run(rows, runs, &dir).map_err(bench_failed)?, json, bench::backup::print);
        }
        Command::Bench { what: BenchCommand::Kill { runs, rows, seed, dir, json } } => {
            let (_temp, dir) = bench_dir(dir)?;
            show(&bench::kill::run(runs, rows, seed, &dir).map_err(bench_failed)?, json, bench::kill::print);
        }
        Command::Bench { what: BenchCommand::SaveLoop { db, customer } } => {
            bench::kill::save_loop(&db, customer).map_err(bench_failed)?
        }
        Command::Bench { what: BenchCommand::Weekly { db, runs, json } } => {
            let store = open_existing(&db)?;
            show(&bench::weekly::run(&store, runs).map_err(bench_failed)?, json, bench::weekly::print);
        }
        Command::Bench { what: BenchCommand::Results { db, runs, json } } => {
            let store = open_existing(&db)?;
            show(&bench::results::run(&store, runs).map_err(bench_failed)?, json, bench::results::print);
        }
        Command::Bench { what: BenchCommand::Export { rows, runs, dir, json } } => {
            let (_temp, dir) = bench_dir(dir)?;
            show(&bench::export::run(rows, runs, &dir).map_err(bench_failed)?, json, bench::export::print);
        }
    }
    Ok(())
}

/// A customer named on the command line: its id, or the best search hit for a name.
fn customer_id(store: &Store, text: &str) -> Result<i64, Failure> {
    if let Ok(id) = text.parse() {
        return Ok(id);
    }
    let hits = store.search(text, 1)?;
    hits.customers
        .first()
        .map(|h| h.id)
        .ok_or_else(|| Failure { code: 2, message: format!("no customer matches {text:?}") })
}

/// A benchmark's report as JSON (`--json`) or as its table.
fn show<T: serde::Serialize>(report: &T, json: bool, table: fn(&T)) {
    if json {
        print_json(report);
    } else {
        table(report);
    }
}

fn bench_failed(message: String) -> Failure {
    Failure { code: 1, message }
}

/// A count of runs or rows: a whole number of at least 1 (clap exits 2 with the message).
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("'{s}' is not a whole number of at least 1")),
    }
}

/// The folder a file benchmark works in: the one given (created if needed), else a temporary
/// one removed when the returned guard drops.
fn bench_dir(dir: Option<PathBuf>) -> Result<(Option<tempfile::TempDir>, PathBuf), Failure> {
    let io = |e: std::io::Error| Failure { code: 2, message: e.to_string() };
    match dir {
        Some(d) => {
            std::fs::create_dir_all(&d).map_err(io)?;
            Ok((None, d))
        }
        None => {
            let t = tempfile::tempdir().map_err(io)?;
            let p = t.path().to_path_buf();
            Ok((Some(t), p))
        }
    }
}

/// Output piped into a reader that stops early (`dossier-cli signals … | head`) ends the
/// process quietly, the way Unix tools end, instead of every `println!` panicking on the broken
/// pipe: Rust ignores SIGPIPE by default, this restores the default action, which ends the
/// process (status 141 in a shell) at the first write nobody reads.
#[cfg(unix)]
#[allow(unsafe_code)]
fn end_quietly_on_a_closed_pipe() {
    // SAFETY: called first thing in `main`, before any other thread exists; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    #[cfg(unix)]
    end_quietly_on_a_closed_pipe();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("dossier-cli: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}
