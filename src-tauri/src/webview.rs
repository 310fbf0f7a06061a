//! What the shell sets on the Linux webview (WebKitGTK), which Tauri does not expose.
//!
//! - **Drawing on the CPU.** WebKit's accelerated compositing draws the page through OpenGL in
//!   the web process. For pages like ours (tables, forms, a few charts) it buys little, and it
//!   costs: about 120 MB of the web process and 80 ms of every start (README, "Memory" and
//!   "Start"), and where GL is Mesa's software renderer or a troubled driver it is the part of
//!   WebKit that crashes or leaves the window blank. `DOSSIER_WEBVIEW_GPU=1` keeps WebKit's own
//!   choice, for a machine where the GPU draws better.
//! - **Coming back from a crash.** When the web process dies (a crash inside WebKit, or the
//!   system reclaiming memory), the window keeps its last picture but no longer answers clicks.
//!   The page is loaded again at the same place, with `recovered=1` in its query, so the user
//!   gets a working window and a word about what happened (ui/src/lib/pageRecovered.ts). The
//!   data is safe either way: every change was already written by the core.

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

#[cfg(target_os = "linux")]
fn reload_after_crash(view: &webkit2gtk::WebView) {
    use webkit2gtk::WebProcessTerminationReason;
    use webkit2gtk::WebViewExt;
    view.connect_web_process_terminated(|view, reason| {
        // Ended on purpose (the window closing): nothing to come back to.
        if reason == WebProcessTerminationReason::TerminatedByApi {
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
fn recovered_uri(uri: &str) -> Option<String> {
    let mut url = tauri::Url::parse(uri).ok()?;
    url.set_query(Some("recovered=1"));
    Some(url.into())
}

#[cfg(test)]
mod tests {
    use super::recovered_uri;

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
