//! The native menu bar (文件, 编辑, 视图, 帮助; on macOS the application menu first), in the
//! page's language, rebuilt when the page's language, presentation mode or theme changes
//! (`sync_menu`) and when the recent-databases list does.
//!
//! An item the page carries out is sent to it as the `menu` event with a
//! [`dossier_core::desktop::MenuAction`]; 退出, 缩放 and 打开日志文件夹 are done here. Shortcuts
//! are the items' accelerators (CmdOrCtrl: Cmd on macOS); the page's own key handler answers the
//! same keys where no menu sees them (ui/src/features/desktop/menuActions.ts).

use dossier_core::desktop::{MenuAction, MenuLook, RecentDatabase};
use tauri::menu::{
    CheckMenuItemBuilder, Menu, MenuEvent, MenuItem, MenuItemBuilder, PredefinedMenuItem, Submenu, SubmenuBuilder,
};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::desktop::Desktop;

/// The menu's words in Chinese and English (the page's own words live in ui/src/i18n).
fn word(english: bool, key: &str) -> &'static str {
    let (zh, en) = match key {
        "file" => ("文件", "File"),
        "newCustomer" => ("新建客户", "New customer"),
        "import" => ("导入…", "Import…"),
        "exportTeamReport" => ("导出周会报告…", "Export team report…"),
        "openDatabase" => ("打开数据库…", "Open database…"),
        "newDatabase" => ("新建数据库…", "New database…"),
        "recent" => ("最近打开", "Open recent"),
        "noRecent" => ("（无）", "(none)"),
        "missing" => ("（文件不存在）", "(file missing)"),
        "manageRecent" => ("管理最近打开…", "Manage recent…"),
        "backup" => ("备份与恢复…", "Backup & restore…"),
        "quit" => ("退出", "Quit"),
        "edit" => ("编辑", "Edit"),
        "undo" => ("撤销", "Undo"),
        "find" => ("查找…", "Find…"),
        "view" => ("视图", "View"),
        "presentation" => ("演示模式", "Presentation mode"),
        "darkMode" => ("深色模式", "Dark mode"),
        "zoomIn" => ("放大", "Zoom in"),
        "zoomOut" => ("缩小", "Zoom out"),
        "zoomReset" => ("实际大小", "Actual size"),
        "help" => ("帮助", "Help"),
        "openLogFolder" => ("打开日志文件夹", "Open log folder"),
        "about" => ("关于大客户档案", "About Dossier"),
        _ => unreachable!("no menu word {key}"),
    };
    if english {
        en
    } else {
        zh
    }
}

/// Builds the menu for `look` and the recent list, and sets it on the app.
pub fn install<R: Runtime>(app: &AppHandle<R>, look: &MenuLook, recent: &[RecentDatabase]) -> tauri::Result<()> {
    let menu = build(app, look, recent)?;
    app.set_menu(menu)?;
    Ok(())
}

fn build<R: Runtime>(app: &AppHandle<R>, look: &MenuLook, recent: &[RecentDatabase]) -> tauri::Result<Menu<R>> {
    let en = look.language == "en";
    let w = |key: &str| word(en, key);
    let item = |id: &str, accelerator: Option<&str>| -> tauri::Result<MenuItem<R>> {
        let builder = MenuItemBuilder::with_id(id, w(id));
        match accelerator {
            Some(a) => builder.accelerator(a).build(app),
            None => builder.build(app),
        }
    };

    let mut file = SubmenuBuilder::new(app, w("file"))
        .item(&item("newCustomer", Some("CmdOrCtrl+N"))?)
        .item(&item("import", Some("CmdOrCtrl+I"))?)
        .item(&item("exportTeamReport", Some("CmdOrCtrl+E"))?)
        .separator()
        .item(&item("openDatabase", Some("CmdOrCtrl+O"))?)
        .item(&item("newDatabase", None)?)
        .item(&recent_menu(app, en, recent)?)
        .separator()
        .item(&item("backup", None)?);
    if !cfg!(target_os = "macos") {
        file = file.separator().item(&item("quit", Some("CmdOrCtrl+Q"))?);
    }

    let mut edit = SubmenuBuilder::new(app, w("edit")).item(&item("undo", Some("CmdOrCtrl+Z"))?);
    if cfg!(target_os = "macos") {
        // WKWebView's copy and paste keys work only through the Edit menu's standard items.
        edit = edit.separator().cut().copy().paste().select_all();
    }
    let edit = edit.separator().item(&item("find", Some("CmdOrCtrl+F"))?).build()?;

    let check = |id: &str, checked: bool, accelerator: Option<&str>| {
        let builder = CheckMenuItemBuilder::with_id(id, w(id)).checked(checked);
        match accelerator {
            Some(a) => builder.accelerator(a).build(app),
            None => builder.build(app),
        }
    };
    let view = SubmenuBuilder::new(app, w("view"))
        .item(&check("presentation", look.presenting, Some("CmdOrCtrl+Shift+P"))?)
        .item(&check("darkMode", look.dark, None)?)
        .separator()
        .item(&item("zoomIn", Some("CmdOrCtrl+="))?)
        .item(&item("zoomOut", Some("CmdOrCtrl+-"))?)
        .item(&item("zoomReset", Some("CmdOrCtrl+0"))?)
        .build()?;

    let mut help = SubmenuBuilder::new(app, w("help"));
    if app.path().app_log_dir().is_ok_and(|dir| dir.is_dir()) {
        help = help.item(&item("openLogFolder", None)?).separator();
    }
    let help = help.item(&item("about", None)?).build()?;

    let menu = Menu::new(app)?;
    if cfg!(target_os = "macos") {
        let app_menu = SubmenuBuilder::new(app, "Dossier")
            .item(&item("about", None)?)
            .separator()
            .services()
            .separator()
            .hide()
            .hide_others()
            .show_all()
            .separator()
            .item(&PredefinedMenuItem::quit(app, Some(w("quit")))?)
            .build()?;
        menu.append(&app_menu)?;
    }
    menu.append_items(&[&file.build()?, &edit, &view, &help])?;
    Ok(menu)
}

/// 最近打开 ▸: the databases, newest first (a missing one shown so, and not clickable), then
/// 管理最近打开… (设置, where an entry can be removed).
fn recent_menu<R: Runtime>(app: &AppHandle<R>, en: bool, recent: &[RecentDatabase]) -> tauri::Result<Submenu<R>> {
    let mut menu = SubmenuBuilder::new(app, word(en, "recent"));
    if recent.is_empty() {
        menu = menu.item(&MenuItemBuilder::with_id("recent-none", word(en, "noRecent")).enabled(false).build(app)?);
    }
    for (index, db) in recent.iter().enumerate() {
        let label = if db.missing { format!("{} {}", db.name, word(en, "missing")) } else { db.path.clone() };
        let entry = MenuItemBuilder::with_id(format!("recent:{index}"), label).enabled(!db.missing && !db.current);
        menu = menu.item(&entry.build(app)?);
    }
    menu.separator().item(&MenuItemBuilder::with_id("manageRecent", word(en, "manageRecent")).build(app)?).build()
}

/// What a menu item does: the shell's own items here, the rest sent to the page.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    match id {
        "quit" => app.exit(0),
        "zoomIn" | "zoomOut" | "zoomReset" => zoom(app, id),
        "openLogFolder" => open_log_folder(app),
        _ => {
            let Some(action) = page_action(id) else { return };
            if let Err(e) = app.emit_to("main", "menu", action) {
                log::warn!("a menu action could not reach the page: {e}");
            }
        }
    }
}

/// The page's action for the item `id` (None for the shell's own items and the placeholders).
fn page_action(id: &str) -> Option<MenuAction> {
    Some(match id {
        "newCustomer" => MenuAction::NewCustomer,
        "import" => MenuAction::Import,
        "exportTeamReport" => MenuAction::ExportTeamReport,
        "openDatabase" => MenuAction::OpenDatabase,
        "newDatabase" => MenuAction::NewDatabase,
        "manageRecent" => MenuAction::ManageRecent,
        "backup" => MenuAction::Backup,
        "undo" => MenuAction::Undo,
        "find" => MenuAction::Find,
        "presentation" => MenuAction::Presentation,
        "darkMode" => MenuAction::DarkMode,
        "about" => MenuAction::About,
        other => MenuAction::OpenRecent { index: other.strip_prefix("recent:")?.parse().ok()? },
    })
}

/// The steps of 放大 / 缩小, as browsers take them.
const ZOOM_STEPS: &[f64] = &[0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0];

fn zoom<R: Runtime>(app: &AppHandle<R>, id: &str) {
    let Some(window) = app.get_webview_window("main") else { return };
    let desktop = app.state::<Desktop>();
    let mut zoom = desktop.zoom.lock().unwrap_or_else(|e| e.into_inner());
    *zoom = next_zoom(*zoom, id);
    if let Err(e) = window.set_zoom(*zoom) {
        log::warn!("zoom failed: {e}");
    }
}

/// The zoom after `id` (zoomIn, zoomOut, zoomReset) from `now`.
fn next_zoom(now: f64, id: &str) -> f64 {
    match id {
        "zoomIn" => ZOOM_STEPS.iter().copied().find(|&s| s > now + 1e-6).unwrap_or(now),
        "zoomOut" => ZOOM_STEPS.iter().rev().copied().find(|&s| s < now - 1e-6).unwrap_or(now),
        _ => 1.0,
    }
}

fn open_log_folder<R: Runtime>(app: &AppHandle<R>) {
    use tauri_plugin_opener::OpenerExt;
    match app.path().app_log_dir() {
        Ok(dir) => {
            if let Err(e) = app.opener().open_path(dir.display().to_string(), None::<&str>) {
                log::warn!("the log folder could not be opened: {e}");
            }
        }
        Err(e) => log::warn!("no log folder: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The items `on_event` carries out in the shell.
    const SHELL_ITEMS: &[&str] = &["quit", "zoomIn", "zoomOut", "zoomReset", "openLogFolder"];

    #[test]
    fn zoom_steps_up_and_down_and_stops_at_the_ends() {
        assert_eq!(next_zoom(1.0, "zoomIn"), 1.1);
        assert_eq!(next_zoom(1.1, "zoomOut"), 1.0);
        assert_eq!(next_zoom(2.0, "zoomIn"), 2.0);
        assert_eq!(next_zoom(0.5, "zoomOut"), 0.5);
        assert_eq!(next_zoom(1.75, "zoomReset"), 1.0);
    }

    /// Every item of the built menu (in both languages, with recent entries) is either the
    /// shell's or reaches the page as an action.
    #[test]
    fn every_item_of_the_menu_does_something() {
        use tauri::menu::MenuItemKind;
        fn ids<R: Runtime>(items: Vec<MenuItemKind<R>>, out: &mut Vec<String>) {
            for item in items {
                match item {
                    MenuItemKind::Submenu(sub) => ids(sub.items().unwrap(), out),
                    MenuItemKind::MenuItem(i) => out.push(i.id().0.clone()),
                    MenuItemKind::Check(i) => out.push(i.id().0.clone()),
                    _ => {}
                }
            }
        }
        let app = tauri::test::mock_app();
        let recent = [
            RecentDatabase { name: "a.sqlite".into(), path: "/d/a.sqlite".into(), missing: false, current: true },
            RecentDatabase { name: "b.sqlite".into(), path: "/d/b.sqlite".into(), missing: true, current: false },
        ];
        for language in ["zh-CN", "en"] {
            let look = MenuLook { language: language.into(), presenting: true, dark: false };
            let mut found = Vec::new();
            ids(build(app.handle(), &look, &recent).unwrap().items().unwrap(), &mut found);
            for id in ["newCustomer", "import", "undo", "find", "darkMode", "about", "recent:1", "zoomIn"] {
                assert!(found.iter().any(|f| f == id), "{id} in {found:?}");
            }
            for id in &found {
                assert!(SHELL_ITEMS.contains(&id.as_str()) || page_action(id).is_some(), "{id} does nothing");
            }
        }
        assert_eq!(page_action("recent:1"), Some(MenuAction::OpenRecent { index: 1 }));
        assert_eq!(page_action("recent-none"), None);
    }

    #[test]
    fn every_menu_word_has_both_languages() {
        for key in [
            "file",
            "newCustomer",
            "import",
            "exportTeamReport",
            "openDatabase",
            "newDatabase",
            "recent",
            "noRecent",
            "missing",
            "manageRecent",
            "backup",
            "quit",
            "edit",
            "undo",
            "find",
            "view",
            "presentation",
            "darkMode",
            "zoomIn",
            "zoomOut",
            "zoomReset",
            "help",
            "openLogFolder",
            "about",
        ] {
            assert_ne!(word(false, key), word(true, key), "{key}");
        }
    }
}
