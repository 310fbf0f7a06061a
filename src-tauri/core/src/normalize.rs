//! Text normalisation shared by validation, duplicate detection and search.

use pinyin::ToPinyin;

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

/// Legal-form suffixes that do not distinguish two companies ("华为技术有限公司" = "华为技术").
const COMPANY_SUFFIXES: [&str; 6] =
    ["股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "公司"];

/// The key under which two customer names count as the same customer: trimmed, half-width,
/// lower-case, without inner whitespace, brackets unified and the legal-form suffix removed.
pub fn customer_key(name: &str) -> String {
    let mut key: String = half_width(name)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            _ => c.to_ascii_lowercase(),
        })
        .collect();
    for suffix in COMPANY_SUFFIXES {
        if key.len() > suffix.len() && key.ends_with(suffix) {
            key.truncate(key.len() - suffix.len());
            break;
        }
    }
    key
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
