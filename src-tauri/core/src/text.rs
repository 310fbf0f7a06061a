//! Text normalisation shared by validation, duplicate detection and search.

use pinyin::ToPinyin;
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
    clean_name(name).nfkc().collect()
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

/// A search query or indexed text: half-width, lower-case, without whitespace.
pub fn search_text(s: &str) -> String {
    half_width(s).chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// Full pinyin without tones or spaces ("张三" → "zhangsan") and initials ("zs").
/// Characters without a reading (latin letters, digits) are kept as they are.
pub fn pinyin(s: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    for (c, py) in s.chars().zip(s.to_pinyin()) {
        match py {
            Some(p) => {
                full.push_str(p.plain());
                initials.push_str(p.first_letter());
            }
            None if c.is_alphanumeric() => {
                let lower: String = c.to_lowercase().collect();
                full.push_str(&lower);
                initials.push_str(&lower);
            }
            None => {}
        }
    }
    (full, initials)
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
    fn digits_and_search_text() {
        assert_eq!(digits("138-0013 8000"), "13800138000");
        assert_eq!(search_text(" Zhang San "), "zhangsan");
        assert_eq!(search_text("１３８"), "138");
    }
}
