// Hide the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// mimalloc rather than the system allocator, as in `dossier-cli` (`src-tauri/cli/src/main.rs`
/// says why): an import in the app makes the same millions of small strings.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    dossier_app::run();
}
