//! Text normalisation shared by validation, duplicate detection and search.

use pinyin::ToPinyinMulti;
use unicode_normalization::UnicodeNormalization;

/// Full-width ASCII (Ａ１，) and the ideographic space become their half-width forms.
pub fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Unicode's format characters (general category Cf, Unicode 16): the soft hyphen, zero-width
/// spaces and joiners, bidi marks, embeddings, overrides and isolates, the byte-order mark,
/// invisible operators, tags. They draw nothing, or only reorder what is around them.
const FORMAT_CHARACTERS: [(char, char); 21] = [
    ('\u{AD}', '\u{AD}'),
    ('\u{600}', '\u{605}'),
    ('\u{61C}', '\u{61C}'),
    ('\u{6DD}', '\u{6DD}'),
    ('\u{70F}', '\u{70F}'),
    ('\u{890}', '\u{891}'),
    ('\u{8E2}', '\u{8E2}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFF9}', '\u{FFFB}'),
    ('\u{110BD}', '\u{110BD}'),
    ('\u{110CD}', '\u{110CD}'),
    ('\u{13430}', '\u{1343F}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0001}', '\u{E0001}'),
    ('\u{E0020}', '\u{E007F}'),
];

fn is_format(c: char) -> bool {
    FORMAT_CHARACTERS.iter().any(|&(from, to)| (from..=to).contains(&c))
}

/// A name as it is stored (customer names and short names, contact names): without format
/// and control characters, trimmed. "华为\u{200B}技术" would look like "华为技术" on screen
/// and in every list yet be another name; a right-to-left override would show the name
/// reversed. A control character that is whitespace (a tab or line break pasted from a cell)
/// becomes a space, so the words on either side stay apart.
pub fn clean_name(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter_map(|c| match c {
            c if c.is_control() && c.is_whitespace() => Some(' '),
            c if c.is_control() || is_format(c) => None,
            c => Some(c),
        })
        .collect();
    cleaned.trim().to_string()
}

/// NFKC of the cleaned name: compatibility forms (full-width Ａ, ㈱, ①, CJK compatibility
/// ideographs) become the characters they stand for, so names that look the same compare
/// equal.
fn folded(name: &str) -> String {
    let cleaned = clean_name(name);
    // Most names are NFKC already, which the quick check tells without normalising them (an
    // import keys every row's name).
    if unicode_normalization::is_nfkc_quick(cleaned.chars()) == unicode_normalization::IsNormalized::Yes {
        return cleaned;
    }
    cleaned.nfkc().collect()
}

/// Legal-form suffixes that do not distinguish two companies ("华为技术有限公司" = "华为技术").
const COMPANY_SUFFIXES: [&str; 6] = ["股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "公司"];

/// The key under which two customer names count as the same customer: without format and
/// control characters, NFKC (which also makes full-width letters and brackets half-width),
/// lower-case, without whitespace, and the legal-form suffix removed. Stored in
/// `customer.name_key`; when this changes, a migration re-keys the stored customers
/// (`customers/store.rs`, `rekey_names`).
pub fn customer_key(name: &str) -> String {
    let mut key: String = folded(name).chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect();
    for suffix in COMPANY_SUFFIXES {
        if key.len() > suffix.len() && key.ends_with(suffix) {
            key.truncate(key.len() - suffix.len());
            break;
        }
    }
    key
}

/// The key under which two contacts of one customer are the same person in an import: without
/// format and control characters, NFKC, lower-case, without whitespace.
pub fn contact_key(name: &str) -> String {
    search_text(&folded(name))
}

/// `LIKE ? ESCAPE '\\'`'s pattern for "holds `text`": its `%`, `_` and `\\` taken literally.
pub fn like_pattern(text: &str) -> String {
    format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// A search query or indexed text: half-width, lower-case, without whitespace.
pub fn search_text(s: &str) -> String {
    half_width(s).chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// How many readings of one name are indexed at most. A name whose characters have several
/// readings has as many readings as their combinations: a long company name could have
/// hundreds, most of which nobody says.
pub const MAX_READINGS: usize = 16;

/// One way to read a name: full pinyin without tones or spaces ("zhangsan") and its initials
/// ("zs"). Characters without a reading (latin letters, digits) are kept as they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub full: String,
    pub initials: String,
}

/// The usual reading of a name: each character's first reading ("长沙" → "zhangsha", "zs").
pub fn pinyin(s: &str) -> (String, String) {
    let Reading { full, initials } = readings_at_most(s, 1).swap_remove(0);
    (full, initials)
}

/// The readings of a name, at most [`MAX_READINGS`], the usual one first: "长沙" →
/// "zhangsha", "changsha"; "曾伟" → "cengwei", "zengwei". After the usual reading come the
/// readings where one character is read otherwise, then two, and so on; among those, the
/// earlier characters vary first — a person's surname, the place a company is named after —
/// so the cap keeps the readings people are likeliest to type.
pub fn readings(s: &str) -> Vec<Reading> {
    readings_at_most(s, MAX_READINGS)
}

/// The readings of a company's name: those of the name before its legal-form suffix
/// ("有限公司"), the suffix read the usual way. Nearly every name ends in one, and its
/// characters' rare readings (有 wěi, 司 cí) would take the places of the readings that tell
/// companies apart.
pub fn company_readings(name: &str) -> Vec<Reading> {
    let Some(suffix) = COMPANY_SUFFIXES.iter().find(|s| name.len() > s.len() && name.ends_with(*s)) else {
        return readings(name);
    };
    let (tail_full, tail_initials) = pinyin(suffix);
    let mut out = readings(&name[..name.len() - suffix.len()]);
    for r in &mut out {
        r.full.push_str(&tail_full);
        r.initials.push_str(&tail_initials);
    }
    out
}

fn readings_at_most(s: &str, cap: usize) -> Vec<Reading> {
    let chars = character_readings(s);
    let counts: Vec<usize> = chars.iter().map(Vec::len).collect();
    combinations(&counts, cap)
        .into_iter()
        .map(|choice| {
            let mut r = Reading { full: String::new(), initials: String::new() };
            for (readings, i) in chars.iter().zip(choice) {
                r.full.push_str(&readings[i]);
                r.initials.extend(readings[i].chars().next());
            }
            r
        })
        .collect()
}

/// The readings of each character of `s` that has any, without tones and each once, the usual
/// one first ("长" → ["zhang", "chang"]); a latin letter or a digit is its own one reading.
fn character_readings(s: &str) -> Vec<Vec<String>> {
    s.chars()
        .filter_map(|c| match c.to_pinyin_multi() {
            Some(multi) => {
                let mut plain: Vec<String> = Vec::new();
                for p in multi {
                    if !plain.iter().any(|q| q == p.plain()) {
                        plain.push(p.plain().to_string());
                    }
                }
                Some(plain)
            }
            None if c.is_alphanumeric() => Some(vec![c.to_lowercase().collect()]),
            None => None,
        })
        .collect()
}

/// Which reading each character takes (an index into its readings), for at most `cap`
/// combinations of characters with `counts` readings each, in the order [`readings`] gives.
fn combinations(counts: &[usize], cap: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut choice = vec![0; counts.len()];
    let varying = counts.iter().filter(|&&n| n > 1).count();
    for others in 0..=varying {
        pick(counts, 0, others, &mut choice, &mut out, cap);
    }
    out
}

/// Adds the combinations in which exactly `others` of the characters from `at` on take another
/// reading than their usual one (those before `at` are chosen already).
fn pick(counts: &[usize], at: usize, others: usize, choice: &mut [usize], out: &mut Vec<Vec<usize>>, cap: usize) {
    if out.len() >= cap || counts[at..].iter().filter(|&&n| n > 1).count() < others {
        return;
    }
    if others == 0 {
        out.push(choice.to_vec());
        return;
    }
    for other in 1..counts[at] {
        choice[at] = other;
        pick(counts, at + 1, others - 1, choice, out, cap);
    }
    choice[at] = 0;
    pick(counts, at + 1, others, choice, out, cap);
}

/// Only the digits of a phone number ("138-0013 8000" → "13800138000").
pub fn digits(s: &str) -> String {
    half_width(s).chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_key_ignores_suffix_width_and_space() {
        assert_eq!(customer_key(" 华为技术有限公司 "), customer_key("华为技术"));
        assert_eq!(customer_key("ＡＢＣ 科技股份有限公司"), customer_key("abc科技"));
        assert_eq!(customer_key("宁德时代（福建）有限公司"), customer_key("宁德时代(福建)"));
        assert_ne!(customer_key("华为技术"), customer_key("华为终端"));
        // A name that is only a suffix stays itself rather than becoming empty.
        assert_eq!(customer_key("公司"), "公司");
    }

    #[test]
    fn names_lose_invisible_characters_and_compare_under_nfkc() {
        assert_eq!(clean_name(" 华为\u{200B}技术\u{FEFF} "), "华为技术");
        assert_eq!(clean_name("\u{202E}司公为华\u{202C}"), "司公为华");
        assert_eq!(clean_name("王\u{AD}芳\u{2066}\u{2069}\u{0007}"), "王芳");
        assert_eq!(clean_name("Acme\tCorp\u{E0041}"), "Acme Corp", "a tab is a space, a tag character goes");
        assert_eq!(customer_key("华为\u{200B}技术"), customer_key("华为技术"));
        assert_eq!(customer_key("ＡＢＣ"), customer_key("ABC"));
        assert_eq!(customer_key("㈱東芝"), customer_key("(株)東芝"), "NFKC, beyond full-width ASCII");
        assert_eq!(customer_key("第①工厂"), customer_key("第1工厂"));
        assert_eq!(contact_key("王\u{200D}芳"), contact_key("王芳"));
        assert_eq!(contact_key("Ｌｉ Ｍｉｎｇ"), contact_key("li ming"));
    }

    #[test]
    fn pinyin_full_and_initials() {
        assert_eq!(pinyin("张三"), ("zhangsan".into(), "zs".into()));
        assert_eq!(pinyin("王芳A1"), ("wangfanga1".into(), "wfa1".into()));
    }

    #[test]
    fn every_reading_of_a_name_the_usual_one_first() {
        let full = |name: &str| readings(name).into_iter().map(|r| r.full).collect::<Vec<_>>();
        assert_eq!(full("长沙")[..2], ["zhangsha", "changsha"], "沙 is also suō: two more after these");
        assert_eq!(full("曾伟")[..2], ["cengwei", "zengwei"]);
        assert_eq!(readings("重庆")[1], Reading { full: "chongqing".into(), initials: "cq".into() });
        assert!(full("银行").contains(&"yinhang".to_string()));
        assert_eq!(full("王芳A1")[0], "wangfanga1");
        assert_eq!(full("Acme 1"), ["acme1"], "latin letters and digits read as themselves");
        assert_eq!(full(""), [""]);
    }

    #[test]
    fn readings_are_capped_keeping_the_earlier_characters_varied_first() {
        // Three characters of two readings each: the usual, one other, then two others.
        assert_eq!(
            combinations(&[2, 1, 2, 2], 16),
            [
                [0, 0, 0, 0],
                [1, 0, 0, 0],
                [0, 0, 1, 0],
                [0, 0, 0, 1],
                [1, 0, 1, 0],
                [1, 0, 0, 1],
                [0, 0, 1, 1],
                [1, 0, 1, 1]
            ]
        );
        assert_eq!(combinations(&[3, 3, 3, 3, 3, 3, 3, 3], 16).len(), 16);
        let long = readings("长沙重庆银行长沙重庆银行长沙重庆银行");
        assert_eq!(long.len(), MAX_READINGS);
        assert_eq!(long[0].full, pinyin("长沙重庆银行长沙重庆银行长沙重庆银行").0);
        assert_eq!(combinations(&[], 16), [Vec::<usize>::new()]);
    }

    #[test]
    fn a_company_is_read_otherwise_only_before_its_legal_form() {
        let all = company_readings("重庆银行股份有限公司");
        assert_eq!(all[0].full, "zhongqingyinxinggufenyouxiangongsi");
        assert!(all.iter().any(|r| r.full == "chongqingyinhanggufenyouxiangongsi" && r.initials == "cqyhgfyxgs"));
        assert!(all.iter().all(|r| r.full.ends_with("gufenyouxiangongsi")));
        assert_eq!(company_readings("重庆"), readings("重庆"));
    }

    #[test]
    fn digits_and_search_text() {
        assert_eq!(digits("138-0013 8000"), "13800138000");
        assert_eq!(search_text(" Zhang San "), "zhangsan");
        assert_eq!(search_text("１３８"), "138");
    }
}
