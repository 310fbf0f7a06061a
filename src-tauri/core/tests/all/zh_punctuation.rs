//! Chinese as a person writes it: no half-width `,:;()!?` against Chinese text in the strings the
//! core writes (explanations, quality warnings, the recap, the exports' headers and notes, error
//! texts). It reads the string literals of every `.rs` file under `src/`, leaving out:
//! - comments (`//`, `/* */`, doc comments): they are for developers;
//! - everything from a file's first `#[cfg(test)]` on: unit tests sit at the end of their file
//!   and hold input as users type it (`客户名称,电话` CSV, `宁德时代(福建)`);
//! - `src/sample/`: the sample companies' legal names are searched for as written.
//!
//! A mark is wrong when a CJK character (ideograph, CJK punctuation such as 「」 or a
//! full-width form such as ）) stands right before it, or, for `(`, right after it. ASCII next to
//! ASCII stays: codes, numbers, dates, `{}` placeholders, `YYYY-MM`, `'{t}'`.

use std::path::{Path, PathBuf};

const HALF_WIDTH: [char; 7] = [',', ':', ';', '(', ')', '!', '?'];

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' // CJK punctuation: 、。「」【】
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}') // full-width forms: （），：
}

/// The string literals of Rust source up to its first `#[cfg(test)]`, comments skipped, each
/// with the line it starts on (its text as written, escapes not undone).
fn string_literals(src: &str) -> Vec<(usize, String)> {
    let src = match src.find("#[cfg(test)]") {
        Some(at) => &src[..at],
        None => src,
    };
    let chars: Vec<char> = src.chars().collect();
    let (mut out, mut i, mut line) = (Vec::new(), 0, 1);
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if i >= chars.len() {
                    break;
                }
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
        } else if c == 'r' && (at(i + 1) == '"' || (at(i + 1) == '#' && !is_ident(at(i.wrapping_sub(1))))) {
            // A raw string r"…" or r#"…"#.
            let mut hashes = 0;
            let mut j = i + 1;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                i += 1;
                continue;
            }
            let (start, mut text) = (line, String::new());
            j += 1;
            while j < chars.len() {
                if chars[j] == '"' && (0..hashes).all(|k| at(j + 1 + k) == '#') {
                    break;
                }
                line += usize::from(chars[j] == '\n');
                text.push(chars[j]);
                j += 1;
            }
            out.push((start, text));
            i = j + 1 + hashes;
        } else if c == '"' {
            let (start, mut text) = (line, String::new());
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    text.push(chars[i]);
                    i += 1;
                }
                line += usize::from(chars[i] == '\n');
                text.push(chars[i]);
                i += 1;
            }
            out.push((start, text));
            i += 1;
        } else if c == '\'' {
            // A char literal ('"', '\'', '\u{3000}') is stepped over; a lifetime ('a) is not one.
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The half-width marks against CJK text in a literal: (character offset, the mark).
fn bad_marks(text: &str) -> Vec<(usize, char)> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| HALF_WIDTH.contains(&chars[i]))
        .filter(|&i| {
            let before = i > 0 && is_cjk(chars[i - 1]);
            let after = chars[i] == '(' && chars.get(i + 1).is_some_and(|&c| is_cjk(c));
            before || after
        })
        .map(|i| (i, chars[i]))
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every offending literal under `src/` (but `src/sample/`), as "file:line: mark in literal".
fn offences(src_dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src_dir, &mut files);
    files.sort();
    let sample = src_dir.join("sample");
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(&sample)) {
        let src = std::fs::read_to_string(file).unwrap();
        for (line, text) in string_literals(&src) {
            for (_, mark) in bad_marks(&text) {
                let shown = file.strip_prefix(src_dir).unwrap().display();
                found.push(format!("src/{shown}:{line}: half-width '{mark}' in \"{text}\""));
            }
        }
    }
    found
}

#[test]
fn core_chinese_strings_use_full_width_punctuation() {
    let src_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = offences(&src_dir);
    assert!(found.is_empty(), "use ，：；（）！？ next to Chinese text:\n{}", found.join("\n"));
}

#[test]
fn the_scan_finds_half_width_marks_and_leaves_the_rest() {
    let src = r##"
        // 注释里的半角,不算
        /* 块注释(也不算) */
        const A: &str = "时间:{}";
        fn f() -> String { format!("{}({})", 1, '"') }
        fn g<'a>(x: &'a str) -> String { format!("{x}(优先)") }
        const B: &str = r#"以上如有出入,请指正"#;
        const C: &str = "时间：{}（{:+.0}）, 2026-11-20: ok";
        const D: &str = "谢谢!";
        #[cfg(test)]
        mod tests { const E: &str = "客户名称,电话"; }
    "##;
    let bad: Vec<(usize, Vec<char>)> = string_literals(src)
        .into_iter()
        .map(|(line, t)| (line, bad_marks(&t).into_iter().map(|(_, c)| c).collect::<Vec<_>>()))
        .filter(|(_, marks)| !marks.is_empty())
        .collect();
    assert_eq!(bad, [(4, vec![':']), (6, vec!['(', ')']), (7, vec![',']), (8, vec![',']), (9, vec!['!'])]);
}
