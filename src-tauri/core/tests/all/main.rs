//! The core's integration tests, through its public API on real files, one module per area,
//! in one test binary: every file directly under `tests/` is a binary of its own that links
//! the core and its dependencies, and on two cores those links took longer than the tests.
//!
//! Run one area with `cargo test -p dossier-core --test all power_map::`; leave out the
//! randomised import (one to two minutes) with `-- --skip import_random`.

// Shared helpers.
mod common;
mod import_support;

mod after_sale;
mod backup;
mod database_file;
mod erase;
mod export;
mod export_pipeline;
mod export_purchases;
mod import_bad_input;
mod import_commit;
mod import_formats;
mod import_random;
mod import_read;
mod import_reads;
mod import_records;
mod lifecycle;
mod mapping_templates;
mod names;
mod opportunities;
mod payments;
mod power_map;
mod results;
mod risk;
mod round_trip;
mod search;
mod search_damage;
mod stage_stats;
mod store;
mod trash;
mod trends;
mod visits;
mod weekly;
mod zh_punctuation;
