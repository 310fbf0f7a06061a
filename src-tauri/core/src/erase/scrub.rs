//! Replacing a person's needles in free text and in JSON held as text.

use serde_json::Value as Json;

use super::PLACEHOLDER;
use crate::text::digits;

/// The values that identify a person in free text and files.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Needles(Vec<String>);

impl Needles {
    /// The name, phone (as typed, and its digits when those differ), WeChat and e-mail,
    /// trimmed, without blanks and repeats.
    pub fn of(name: &str, phone: &str, wechat: &str, email: &str) -> Needles {
        let phone_digits = digits(phone);
        let mut all: Vec<String> = Vec::new();
        for v in [name, phone, phone_digits.as_str(), wechat, email] {
            let v = v.trim();
            if !v.is_empty() && !all.iter().any(|n| n == v) {
                all.push(v.to_string());
            }
        }
        Needles(all)
    }

    /// Every needle (what a file is searched for).
    pub fn all(&self) -> &[String] {
        &self.0
    }

    /// The needles replaced in free text: those of two characters or more.
    pub fn in_text(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter(|n| n.chars().nth(1).is_some()).map(String::as_str)
    }
}

fn ascii_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// `text` with `needle` replaced by [`PLACEHOLDER`], except where an ASCII letter or digit at
/// an end of the needle continues into the text ("Tom" in "Tomorrow"); `None` when nothing
/// was replaced.
fn replace(text: &str, needle: &str) -> Option<String> {
    let (first, last) = (needle.chars().next(), needle.chars().last());
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    let mut replaced = false;
    for (at, _) in text.match_indices(needle) {
        let end = at + needle.len();
        let joined_before = ascii_word(first) && ascii_word(text[..at].chars().last());
        let joined_after = ascii_word(last) && ascii_word(text[end..].chars().next());
        if joined_before || joined_after {
            continue;
        }
        out.push_str(&text[rest..at]);
        out.push_str(PLACEHOLDER);
        rest = end;
        replaced = true;
    }
    replaced.then(|| {
        out.push_str(&text[rest..]);
        out
    })
}

/// Plain text with every needle replaced; `None` when none was found.
fn scrub_text(text: &str, needles: &Needles) -> Option<String> {
    let mut current: Option<String> = None;
    for n in needles.in_text() {
        if let Some(s) = replace(current.as_deref().unwrap_or(text), n) {
            current = Some(s);
        }
    }
    current
}

/// A JSON value with the needles replaced in every string (strings that hold JSON themselves,
/// such as a trashed row's list columns, are walked in turn); true when anything changed.
fn scrub_json(v: &mut Json, needles: &Needles) -> bool {
    match v {
        Json::String(s) => match scrub_cell(s, needles) {
            Some(new) => {
                *s = new;
                true
            }
            None => false,
        },
        Json::Array(items) => items.iter_mut().fold(false, |changed, i| scrub_json(i, needles) | changed),
        Json::Object(map) => map.values_mut().fold(false, |changed, i| scrub_json(i, needles) | changed),
        _ => false,
    }
}

/// A stored text cell with the needles replaced: a JSON array or object is rewritten string by
/// string (so its structure stays valid), anything else as text; `None` when nothing changed.
pub(crate) fn scrub_cell(cell: &str, needles: &Needles) -> Option<String> {
    let trimmed = cell.trim_start();
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        if let Ok(mut v) = serde_json::from_str::<Json>(cell) {
            return scrub_json(&mut v, needles).then(|| v.to_string());
        }
    }
    scrub_text(cell, needles)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zhang() -> Needles {
        Needles::of(" 张伟 ", "138-0013-8000", "zw_wx", "")
    }

    #[test]
    fn needles_are_trimmed_with_the_phone_digits_and_no_blanks() {
        assert_eq!(zhang().all(), ["张伟", "138-0013-8000", "13800138000", "zw_wx"]);
        let one = Needles::of("王", "", "", "");
        assert_eq!(one.all(), ["王"]);
        assert_eq!(one.in_text().count(), 0, "a one-character name is not replaced in text");
    }

    #[test]
    fn text_is_scrubbed_of_every_needle() {
        let s = scrub_cell("与张伟通话(13800138000),张伟同意;微信 zw_wx", &zhang()).unwrap();
        assert_eq!(s, "与（已删除的联系人）通话(（已删除的联系人）),（已删除的联系人）同意;微信 （已删除的联系人）");
        assert_eq!(scrub_cell("与李娜通话", &zhang()), None);
    }

    #[test]
    fn an_ascii_needle_inside_a_longer_word_or_number_stays() {
        let tom = Needles::of("Tom", "1380013800", "", "");
        assert_eq!(scrub_cell("Tomorrow, 13800138000", &tom), None);
        assert_eq!(
            scrub_cell("Tom's call: 1380013800.", &tom).unwrap(),
            "（已删除的联系人）'s call: （已删除的联系人）."
        );
    }

    #[test]
    fn json_keeps_its_structure_and_nested_json_is_walked() {
        let cell = r#"{"summary":"张伟说","n":13800138000,"row":"[{\"name\":\"张伟\"}]"}"#;
        let out: Json = serde_json::from_str(&scrub_cell(cell, &zhang()).unwrap()).unwrap();
        assert_eq!(out["summary"], "（已删除的联系人）说");
        assert_eq!(out["row"], r#"[{"name":"（已删除的联系人）"}]"#);
        assert_eq!(out["n"], 13800138000i64);
    }
}
