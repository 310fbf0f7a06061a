//! ui/src/api.ts names each command and its arguments by hand (`invoke<T>('save_roles', { id,
//! roles })`); nothing in the compiler ties those strings to the Rust functions. This test does:
//! it reads every `invoke` call in api.ts and checks
//! - that the keys it sends are exactly the command's arguments, read from its signature in
//!   src-tauri/src/commands/ (tauri names `customer_id` `customerId`). Asking tauri alone would
//!   not do: it ignores keys it does not read and takes an absent `Option` argument as `None`;
//! - that the command is registered and reads its arguments from those keys, by invoking it
//!   through the same `handler` the app runs, on tauri's mock runtime;
//! - that every registered command is called from api.ts.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

use crate::desktop::Desktop;
use crate::files::FileGrants;
use crate::state::AppState;

/// A command call in api.ts: its name and the keys of its argument object.
#[derive(Debug)]
struct Call {
    command: String,
    keys: Vec<String>,
}

/// A `#[tauri::command]` function: its name and the argument keys the page must send.
#[derive(Debug)]
struct Command {
    name: String,
    keys: Vec<String>,
}

/// A value no argument type accepts (an integer, a string, a bool, a list, a struct, an enum, a
/// Channel; `Option<T>` reads it as `Some` and fails likewise), so a call fails on the first
/// argument tauri reads, naming it.
const UNREADABLE: f64 = -0.5;

/// Tauri's words for an argument whose key was not sent.
const MISSING: &str = "missing required key";

fn repo_file(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_call_in_api_ts_reaches_a_registered_command_with_its_argument_names() {
    let calls = api_calls(&repo_file("ui/src/api.ts"));
    let commands = rust_commands();
    let registered: BTreeSet<&str> = super::NAMES.iter().copied().collect();
    assert_eq!(registered.len(), super::NAMES.len(), "a command is registered twice");
    let defined: BTreeSet<&str> = commands.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(defined, registered, "every #[tauri::command] in commands/ is registered, and only those");
    let called: BTreeSet<&str> = calls.iter().map(|c| c.command.as_str()).collect();
    let unused: Vec<_> = registered.difference(&called).collect();
    assert!(unused.is_empty(), "registered but never called from ui/src/api.ts: {unused:?}");

    let dir = tempfile::tempdir().unwrap();
    let app = mock_builder()
        .manage(AppState::open(dir.path().join("dossier.sqlite"), None))
        // Dialogs answer from a file that does not exist: cancelled.
        .manage(FileGrants::new(Some(dir.path().join("no-answer"))))
        .manage(Desktop::new(&dir.path().join("config"), &dir.path().join("cache")))
        .invoke_handler(super::handler())
        .build(mock_context(noop_assets()))
        .unwrap();
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();

    for call in &calls {
        let command = commands.iter().find(|c| c.name == call.command);
        let command = command.unwrap_or_else(|| panic!("api.ts calls `{}`, which is not a command", call.command));
        let sent: BTreeSet<&str> = call.keys.iter().map(String::as_str).collect();
        let taken: BTreeSet<&str> = command.keys.iter().map(String::as_str).collect();
        assert_eq!(sent, taken, "the argument keys api.ts sends to `{}` (left) and those it takes", call.command);

        let args: serde_json::Map<String, Value> = call.keys.iter().map(|k| (k.clone(), json!(UNREADABLE))).collect();
        let answer = invoke(&webview, &call.command, Value::Object(args));
        match command.keys.first() {
            // Tauri finds the first argument's key in what api.ts sent, and refuses its value.
            Some(first) => {
                let expected = format!("invalid args `{first}` for command `{}`: ", call.command);
                assert!(
                    matches!(&answer, Err(Value::String(e)) if e.starts_with(&expected) && !e.contains(MISSING)),
                    "`{}`: expected {expected:?}…, got {answer:?}",
                    call.command
                );
            }
            // Without arguments the command runs on a temporary database: an answer or a CoreError
            // ({type, data}), never tauri's "not found" / "missing required key" strings.
            None => assert!(
                answer.is_ok() || matches!(&answer, Err(Value::Object(e)) if e.contains_key("type")),
                "`{}`: {answer:?}",
                call.command
            ),
        }
    }

    // The check itself: a command that is not registered, and a key that is not an argument.
    let unknown = invoke(&webview, "no_such_command", json!({}));
    assert_eq!(unknown, Err(json!("Command no_such_command not found")));
    let missing = invoke(&webview, "get_customer", json!({ "customerId": UNREADABLE }));
    let refused = "invalid args `id` for command `get_customer`: command get_customer missing required key id";
    assert_eq!(missing, Err(json!(refused)));
}

/// The check sees only api.ts: no other page code may reach Rust by itself.
#[test]
fn api_ts_is_the_only_page_code_that_invokes_commands() {
    fn walk(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "__tests__") {
                    walk(&path, found);
                }
            } else if path.file_name().is_some_and(|n| n != "api.ts")
                && std::fs::read_to_string(&path).is_ok_and(|text| text.contains("@tauri-apps/api/core"))
            {
                found.push(path.display().to_string());
            }
        }
    }
    let mut found = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src"), &mut found);
    assert!(found.is_empty(), "import @tauri-apps/api/core (invoke) only in ui/src/api.ts: {found:?}");
}

/// Sends `args` to `command` as the page would, and returns tauri's answer.
fn invoke(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    command: &str,
    args: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: command.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        // The app's own origin (a remote one would need a capability for app commands).
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(webview, request).map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn the_api_ts_reader_finds_names_and_keys_and_refuses_what_it_cannot_read() {
    let source = "import { Channel, invoke } from '@tauri-apps/api/core'
        // invoke<T>('in_a_comment', { no })
        a: () => invoke<DbStatus>('db_status'),
        b: (id: number, fields: X) => invoke<(Field | null)[]>('update_contact', { id, fields }),
        c: (id: number) =>
          invoke<null>('contact_removal', {
            contactId: id,
            bytes: Array.from(b, (x) => x.y),
            onProgress: channel,
          }),";
    let calls = api_calls(source);
    let read: Vec<_> = calls.iter().map(|c| (c.command.as_str(), c.keys.join(","))).collect();
    assert_eq!(
        read,
        [
            ("db_status", "".into()),
            ("update_contact", "id,fields".into()),
            ("contact_removal", "contactId,bytes,onProgress".into())
        ]
    );
    for unreadable in [
        "invoke<T>(command, args)",
        "invoke('x', args)",
        "invoke('x', { ...rest })",
        "invoke('x', { [key]: 1 })",
        "invoke(`x`)",
    ] {
        let refused = std::panic::catch_unwind(|| api_calls(unreadable));
        assert!(refused.is_err(), "{unreadable} was read");
    }
}

#[test]
fn rust_arguments_are_named_as_tauri_names_them() {
    assert_eq!(camel_case("customer_id"), "customerId");
    assert_eq!(camel_case("sp_bp"), "spBp");
    assert_eq!(camel_case("id"), "id");
    let source = "#[tauri::command]
        pub async fn choose_file<R: Runtime>(
            window: WebviewWindow<R>,
            files: State<'_, FileGrants>,
            purpose: FilePurpose,
            on_progress: Channel<ImportProgress>,
        ) -> Res<Option<ChosenFile>> {";
    let commands = commands_in(source);
    assert_eq!(commands.len(), 1);
    assert_eq!(commands[0].name, "choose_file");
    assert_eq!(commands[0].keys, ["purpose", "onProgress"]);
}

/// Every `invoke('name')` / `invoke<T>('name', { key, other: value })` in `source`, comments
/// left out. A call this cannot read (a name that is not a literal, arguments that are not an
/// object literal of plain keys) fails the test rather than going unchecked.
fn api_calls(source: &str) -> Vec<Call> {
    let code = without_comments(source);
    let mut calls = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = find_word(rest, "invoke") {
        let after = rest[at + "invoke".len()..].trim_start();
        rest = &rest[at + "invoke".len()..];
        if !(after.starts_with('<') || after.starts_with('(')) {
            continue; // the import, or a word in a string
        }
        let call = skip_balanced(after, '<', '>', TS_QUOTES).trim_start();
        let Some(call) = call.strip_prefix('(') else { panic!("cannot read the call `invoke{}`", excerpt(after)) };
        let call = call.trim_start();
        let Some(quoted) = call.strip_prefix('\'') else {
            panic!("the command name is not a literal in `invoke{}`", excerpt(after))
        };
        let end = quoted.find('\'').unwrap_or_else(|| panic!("unterminated name in `invoke{}`", excerpt(after)));
        let command = quoted[..end].to_string();
        let args = quoted[end + 1..].trim_start();
        let keys = if args.starts_with(')') {
            Vec::new()
        } else {
            let Some(object) = args.strip_prefix(',').map(str::trim_start).filter(|a| a.starts_with('{')) else {
                panic!("the arguments of `{command}` are not an object literal")
            };
            let inner = balanced(object, '{', '}', TS_QUOTES);
            split_top_level(inner, TS_QUOTES).iter().map(|entry| object_key(&command, entry)).collect()
        };
        calls.push(Call { command, keys });
    }
    calls
}

/// The key of one entry of an object literal: `key` (shorthand) or `key: value`.
fn object_key(command: &str, entry: &str) -> String {
    let key: String = entry.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$').collect();
    let after = entry[key.len()..].trim_start();
    if key.is_empty() || key.starts_with(|c: char| c.is_ascii_digit()) || !(after.is_empty() || after.starts_with(':'))
    {
        panic!("cannot read the argument `{entry}` of `{command}`");
    }
    key
}

/// The `#[tauri::command]` functions of src-tauri/src/commands/.
fn rust_commands() -> Vec<Command> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src/commands");
    let mut commands = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") && path.file_name().is_some_and(|n| n != "api_contract.rs") {
            commands.extend(commands_in(&std::fs::read_to_string(&path).unwrap()));
        }
    }
    commands
}

/// The commands defined in `source`, with the keys tauri reads their arguments from: every
/// argument except those tauri fills in itself (state, the window, the app).
fn commands_in(source: &str) -> Vec<Command> {
    const ATTRIBUTE: &str = "#[tauri::command";
    let mut commands = Vec::new();
    for (at, _) in source.match_indices(ATTRIBUTE) {
        let after = &source[at + ATTRIBUTE.len()..];
        assert!(after.starts_with(']'), "a command attribute with options (renamed arguments?) is not read here");
        let fn_at = after.find("fn ").expect("a function after #[tauri::command]");
        let signature = &after[fn_at + 3..];
        let name: String = signature.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let params = skip_balanced(&signature[name.len()..], '<', '>', RUST_QUOTES).trim_start();
        assert!(params.starts_with('('), "cannot read the arguments of `{name}`");
        let mut keys = Vec::new();
        for param in split_top_level(balanced(params, '(', ')', RUST_QUOTES), RUST_QUOTES) {
            let (arg, ty) = param.split_once(':').unwrap_or_else(|| panic!("cannot read `{param}` of `{name}`"));
            let ty = ty.trim().trim_start_matches("tauri::");
            if !["State<", "WebviewWindow", "Window", "Webview<", "AppHandle"].iter().any(|t| ty.starts_with(t)) {
                keys.push(camel_case(arg.trim()));
            }
        }
        commands.push(Command { name, keys });
    }
    commands
}

/// `customer_id` → `customerId`, the key tauri reads an argument from by default.
fn camel_case(snake: &str) -> String {
    let mut parts = snake.split('_');
    let mut out = parts.next().unwrap_or_default().to_string();
    for part in parts {
        let mut chars = part.chars();
        out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
        out.push_str(chars.as_str());
    }
    out
}

/// The first `word` in `text` that is a whole identifier.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        !text[..i].chars().next_back().is_some_and(is_ident) && !text[i + word.len()..].starts_with(is_ident)
    })
}

/// The quotes of TypeScript strings; Rust's `'` also starts a lifetime (`State<'_, AppState>`).
const TS_QUOTES: &[char] = &['\'', '"', '`'];
const RUST_QUOTES: &[char] = &['"'];

/// `text` after a leading `open … close` group (nested), or `text` when it does not start with
/// `open`.
fn skip_balanced<'a>(text: &'a str, open: char, close: char, quotes: &[char]) -> &'a str {
    if !text.starts_with(open) {
        return text;
    }
    let inner = balanced(text, open, close, quotes);
    &text[inner.len() + 2..]
}

/// What is inside the group `text` starts with (`text` starts with `open`), nesting and quoted
/// strings respected.
fn balanced<'a>(text: &'a str, open: char, close: char, quotes: &[char]) -> &'a str {
    let mut depth = 0;
    let mut quote = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, c) if quotes.contains(&c) => quote = Some(c),
            (None, c) if c == open => depth += 1,
            (None, c) if c == close && !(close == '>' && text[..i].ends_with('=')) => {
                depth -= 1;
                if depth == 0 {
                    return &text[1..i];
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced `{open}` in `{}`", excerpt(text))
}

/// `text` split at its commas outside brackets and strings, entries trimmed, empty ones (a
/// trailing comma) left out.
fn split_top_level<'a>(text: &'a str, quotes: &[char]) -> Vec<&'a str> {
    let mut entries = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None, 0);
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, c) if quotes.contains(&c) => quote = Some(c),
            (None, '(' | '[' | '{' | '<') => depth += 1,
            (None, ')' | ']' | '}') => depth -= 1,
            (None, '>') if !text[..i].ends_with('=') => depth -= 1,
            (None, ',') if depth == 0 => {
                entries.push(text[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    entries.push(text[start..].trim());
    entries.retain(|e| !e.is_empty());
    entries
}

/// `source` with its `//` and `/* */` comments blanked (strings kept).
fn without_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    let mut quote = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), '\\') => {
                out.push(c);
                out.extend(chars.next());
                continue;
            }
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '/') if chars.peek() == Some(&'/') => {
                while chars.peek().is_some_and(|&c| c != '\n') {
                    chars.next();
                }
                continue;
            }
            (None, '/') if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                out.push(' ');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

fn excerpt(text: &str) -> String {
    text.chars().take(60).collect()
}
