//! What the shell sets on the Linux webview (WebKitGTK), which Tauri does not expose.
//!
//! - **Drawing on the CPU.** WebKit's accelerated compositing draws the page through OpenGL in
//!   the web process. For pages like ours (tables, forms, a few charts) it buys little, and it
//!   costs: about 100 MB of the web process and part of every start (README, "Performance", its
//!   latest block), and where GL is Mesa's software renderer or a troubled driver it is the part of
//!   WebKit that crashes or leaves the window blank. `DOSSIER_WEBVIEW_GPU=1` keeps WebKit's own
//!   choice, for a machine where the GPU draws better.
//! - **Coming back from a crash.** When the web process dies (a crash inside WebKit, or the
//!   system reclaiming memory), the window keeps its last picture but no longer answers clicks.
//!   The page is loaded again at the same place, with `recovered=1` in its query, so the user
//!   gets a working window and a word about what happened (ui/src/lib/pageRecovered.ts). The
//!   data is safe either way: every change was already written by the core. A page that dies
//!   again and again is not loaded forever: after [`RELOADS`] within [`RELOAD_WINDOW`] the
//!   window asks for a restart instead.

#[cfg(any(target_os = "linux", test))]
use std::time::{Duration, Instant};

use tauri::{Manager, Runtime};

/// Sets up the main window's webview (Linux; elsewhere there is nothing to do here).
pub fn set_up<R: Runtime>(app: &tauri::App<R>) {
    let Some(window) = app.get_webview_window("main") else { return };
    let gpu = std::env::var_os("DOSSIER_WEBVIEW_GPU").is_some_and(|v| v == "1");
    let done = window.with_webview(move |webview| {
        #[cfg(target_os = "linux")]
        {
            let view = webview.inner();
            if !gpu {
                draw_on_cpu(&view);
            }
            reload_after_crash(&view);
        }
        #[cfg(not(target_os = "linux"))]
        let _ = (webview, gpu);
    });
    if let Err(e) = done {
        log::warn!("the webview could not be set up: {e}");
    }
}

#[cfg(target_os = "linux")]
fn draw_on_cpu(view: &webkit2gtk::WebView) {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    if let Some(settings) = WebViewExt::settings(view) {
        settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
    }
}

/// Reloads after a crash allowed within [`RELOAD_WINDOW`].
#[cfg(any(target_os = "linux", test))]
const RELOADS: usize = 3;
#[cfg(any(target_os = "linux", test))]
const RELOAD_WINDOW: Duration = Duration::from_secs(60);

/// The moments of the last reloads, to tell a one-off crash from a page that keeps dying.
#[cfg(any(target_os = "linux", test))]
#[derive(Default)]
struct Reloads(Vec<Instant>);

#[cfg(any(target_os = "linux", test))]
impl Reloads {
    /// Whether one more reload is allowed at `now` (and if so, counts it).
    fn allow(&mut self, now: Instant) -> bool {
        self.0.retain(|&t| now.duration_since(t) < RELOAD_WINDOW);
        if self.0.len() >= RELOADS {
            return false;
        }
        self.0.push(now);
        true
    }
}

/// What the window shows when the page kept dying: static words, in both languages (the
/// page's choice of language died with it).
#[cfg(target_os = "linux")]
const RESTART_PAGE: &str = "<!doctype html><meta charset=utf-8><body style=\"font:15px sans-serif;padding:48px\">\
<p>界面多次意外中断，请关闭并重新启动大客户档案。已保存的数据都在。</p>\
<p>The window stopped several times. Please close and restart Dossier; everything saved is still here.</p>";

#[cfg(target_os = "linux")]
fn reload_after_crash(view: &webkit2gtk::WebView) {
    use std::cell::RefCell;
    use webkit2gtk::WebProcessTerminationReason;
    use webkit2gtk::WebViewExt;
    let reloads = RefCell::new(Reloads::default());
    view.connect_web_process_terminated(move |view, reason| {
        // Ended on purpose (the window closing): nothing to come back to.
        if reason == WebProcessTerminationReason::TerminatedByApi {
            return;
        }
        if !reloads.borrow_mut().allow(Instant::now()) {
            log::error!(
                "the web process ended again ({reason:?}) after {RELOADS} reloads within a minute; a restart is asked for"
            );
            view.load_html(RESTART_PAGE, None);
            return;
        }
        log::warn!("the web process ended ({reason:?}); the page is loaded again");
        match view.uri().and_then(|uri| recovered_uri(&uri)) {
            Some(uri) => view.load_uri(&uri),
            None => view.reload(),
        }
    });
}

/// `uri` with `recovered=1` as its query, its route (the `#…` part) kept.
#[cfg(any(target_os = "linux", test))]
fn recovered_uri(uri: &str) -> Option<String> {
    let mut url = tauri::Url::parse(uri).ok()?;
    url.set_query(Some("recovered=1"));
    Some(url.into())
}

#[cfg(test)]
mod tests {
    use super::{recovered_uri, Reloads, RELOAD_WINDOW};
    use std::time::{Duration, Instant};

    #[test]
    fn three_reloads_a_minute_then_none_until_the_first_is_a_minute_old() {
        let start = Instant::now();
        let at = |s: u64| start + Duration::from_secs(s);
        let mut reloads = Reloads::default();
        assert!(reloads.allow(at(0)));
        assert!(reloads.allow(at(10)));
        assert!(reloads.allow(at(20)));
        assert!(!reloads.allow(at(30)), "a fourth within the minute");
        assert!(!reloads.allow(at(59)));
        assert!(reloads.allow(at(0) + RELOAD_WINDOW), "the first has aged out");
        assert!(!reloads.allow(at(65)));
    }

    #[test]
    fn the_route_is_kept_and_the_query_replaced() {
        assert_eq!(
            recovered_uri("tauri://localhost/#/customers/12?tab=visits").as_deref(),
            Some("tauri://localhost/?recovered=1#/customers/12?tab=visits")
        );
        assert_eq!(
            recovered_uri("http://localhost:1420/?recovered=1#/").as_deref(),
            Some("http://localhost:1420/?recovered=1#/")
        );
        assert_eq!(recovered_uri("not a uri"), None);
    }
}
