//! dossier-cli: Dossier's core for scripts and batch work. Every subcommand takes `--db PATH`.
//! Exit codes: 0 success, 2 bad input (arguments, a file that cannot be opened, a refused
//! value), 1 anything else. Messages go to stderr; results to stdout.

mod bench;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
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
    /// Benchmarks.
    Bench {
        #[command(subcommand)]
        what: BenchCommand,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Search latency per query class against the naive LIKE scan (run on a `demo --scale` db).
    Search {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
        /// Queries timed per class.
        #[arg(long, default_value_t = 300)]
        queries: usize,
    },
}

/// A failure with its exit code.
struct Failure {
    code: u8,
    message: String,
}

impl From<CoreError> for Failure {
    fn from(e: CoreError) -> Self {
        let code = match e {
            CoreError::Database { .. } => 1,
            _ => 2,
        };
        Failure { code, message: e.to_string() }
    }
}

fn open(db: &PathBuf) -> Result<Store, Failure> {
    Ok(Store::open(db, Arc::new(SystemClock))?)
}

fn print_json(value: &impl serde::Serialize) {
    println!("{}", serde_json::to_string_pretty(value).expect("results serialise"));
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Demo { db, scale } => {
            let store = open(&db)?;
            let started = std::time::Instant::now();
            let n = dossier_core::sample::load(&store, scale as usize)?;
            eprintln!("loaded {n} customers into {} in {:.1}s", db.display(), started.elapsed().as_secs_f64());
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
            }
        }
        Command::Search { db, json, limit, query } => {
            let results = open(&db)?.search(&query, limit)?;
            let hits: Vec<_> = results.customers.iter().chain(&results.contacts).collect();
            if json {
                print_json(&hits);
            } else if hits.is_empty() {
                eprintln!("no customer or contact matches {query:?}");
            } else {
                for h in hits {
                    println!("{:<8} {:>8}  {}  {}", h.kind.code(), h.id, h.title, h.subtitle);
                }
            }
        }
        Command::Bench { what: BenchCommand::Search { db, json, queries } } => {
            let store = open(&db)?;
            let report = bench::search(&store, queries).map_err(|message| Failure { code: 2, message })?;
            if json {
                print_json(&report);
            } else {
                bench::print_table(&report);
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
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
