//! Running one measured step as its own process: its wall time and its peak resident memory
//! (what the user's machine would see), without the benchmark's own allocations mixed in.

use std::process::{Command, Stdio};
use std::time::Instant;

/// What a finished child cost.
pub struct Measured {
    pub seconds: f64,
    /// Peak resident set size in MB; `None` where the platform does not report it.
    pub peak_mb: Option<f64>,
    pub stdout: String,
}

/// Runs `cmd` to completion; an error names the command and its stderr.
pub fn run(cmd: &mut Command) -> Result<Measured, String> {
    let shown = format!("{cmd:?}");
    let started = Instant::now();
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{shown}: {e}"))?;
    let (status, peak_mb, stdout, stderr) = wait(child)?;
    let seconds = started.elapsed().as_secs_f64();
    if !status {
        return Err(format!("{shown} failed: {stderr}"));
    }
    Ok(Measured { seconds, peak_mb, stdout })
}

#[cfg(unix)]
#[allow(unsafe_code)]
fn wait(mut child: std::process::Child) -> Result<(bool, Option<f64>, String, String), String> {
    use std::io::Read;
    // Read the pipes on threads so a chatty child never blocks on a full pipe.
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, whose pid std has not reaped (we never call wait on it).
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    if pid < 0 {
        return Err(format!("wait4: {}", std::io::Error::last_os_error()));
    }
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    let peak_mb = max_rss_mb(usage.ru_maxrss as f64);
    Ok((ok, Some(peak_mb), out.join().unwrap_or_default(), err.join().unwrap_or_default()))
}

/// `ru_maxrss` in MB: macOS reports it in bytes, Linux and the BSDs in KiB.
#[cfg(unix)]
fn max_rss_mb(ru_maxrss: f64) -> f64 {
    if cfg!(target_os = "macos") {
        ru_maxrss / (1024.0 * 1024.0)
    } else {
        ru_maxrss / 1024.0
    }
}

#[cfg(not(unix))]
fn wait(child: std::process::Child) -> Result<(bool, Option<f64>, String, String), String> {
    let o = child.wait_with_output().map_err(|e| e.to_string())?;
    Ok((o.status.success(), None, String::from_utf8_lossy(&o.stdout).into(), String::from_utf8_lossy(&o.stderr).into()))
}

/// Whether `python3` with `module` is available for a reference measurement.
pub fn python_has(module: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_small_child_s_peak_memory_reads_as_a_few_megabytes() {
        // A unit slip (bytes read as KiB on macOS) would report gigabytes here.
        let m = run(Command::new("sh").args(["-c", "echo done"])).unwrap();
        let peak = m.peak_mb.expect("Unix reports the peak");
        assert!(peak > 0.1 && peak < 256.0, "{peak} MB");
        assert_eq!(m.stdout.trim(), "done");
    }
}
