//! What the claims table's cells say (docs/ui.md, Claims table): a source's head — its
//! number (the library's `#`) and a short outlet name that tells it from the others —
//! and a claim's value with the number and qualifier first, so a narrow cell still
//! shows what the verdict compares.

use std::collections::BTreeSet;

use unicode_width::UnicodeWidthStr;

use crate::claims::present;
use crate::claims::{Claim, Qualifier};
use crate::text::lang::Lang;

/// Letters an outlet keeps at least when cut («shoro…»).
const MIN_LETTERS: usize = 5;

/// A source column's widest useful head: wider names are cut with `…`.
const MAX_HEAD: usize = 14;

/// Short names for `names`: each cut to the shortest prefix (at least
/// [`MIN_LETTERS`] letters) that no other name starts with, `…` marking the cut
/// («englishA…», «englishF…»), so two outlets never read alike.
pub fn abbreviations(names: &[&str]) -> Vec<String> {
    let distinct: BTreeSet<&str> = names.iter().copied().collect();
    names
        .iter()
        .map(|name| {
            let chars: Vec<char> = name.chars().collect();
            let shares = |k: usize| {
                let prefix: String = chars[..k].iter().collect();
                distinct
                    .iter()
                    .any(|o| o != name && o.starts_with(prefix.as_str()))
            };
            let mut k = MIN_LETTERS.min(chars.len());
            while k < chars.len() && shares(k) {
                k += 1;
            }
            // A cut that saves a single letter only makes room for `…`.
            if k + 1 >= chars.len() {
                (*name).to_owned()
            } else {
                chars[..k].iter().collect::<String>() + "…"
            }
        })
        .collect()
}

/// Cells a head needs («59 shoro…» and the cell's padding), at most [`MAX_HEAD`].
pub fn head_width(number: usize, short: &str) -> u16 {
    let w = number.to_string().len() + 1 + short.width() + 1;
    w.min(MAX_HEAD + 1) as u16
}

/// A source's head in `cols` cells: its number and its outlet — whole when it fits,
/// else `short` (see [`abbreviations`]) — then, when there is room, its publication
/// time (`times` from the longest: «02-05 09:30», «09:30»). The number is never cut;
/// a name that still does not fit is cut letter by letter with `…`.
pub fn head(number: usize, name: &str, short: &str, times: &[String], cols: usize) -> String {
    for n in [name, short] {
        for t in times {
            let full = format!("{number} {n} {t}");
            if full.width() <= cols {
                return full;
            }
        }
    }
    for n in [name, short] {
        let base = format!("{number} {n}");
        if base.width() <= cols {
            return base;
        }
    }
    let room = cols.saturating_sub(number.to_string().len() + 2);
    let mut cut = String::new();
    for c in short.chars() {
        if cut.width() + c.to_string().width() > room {
            break;
        }
        cut.push(c);
    }
    if cut.is_empty() {
        number.to_string()
    } else {
        format!("{number} {cut}…")
    }
}

/// A claim's value in `cols` cells, number and qualifier first: the words when they fit
/// («أكثر من 2000»), else signs («>2000»); a count the article gives in words only
/// («شهيد الطوارئ», «أي حالات وفاة») leads with its number («1 شهيد…», «0 أي…»).
pub fn value(c: &Claim, cols: usize, lang: Lang) -> String {
    let num = || present::number(c.value, lang);
    match c.qualifier {
        Qualifier::Implicit | Qualifier::None => {
            return words_within(&format!("{} {}", num(), c.text), cols);
        }
        _ => {}
    }
    let full = present::value_text_in(c, false, lang);
    if full.width() <= cols {
        return full;
    }
    match c.qualifier {
        Qualifier::Rounded => words_within(&format!("{} {}", num(), c.text), cols),
        Qualifier::Vague => words_within(&c.text, cols),
        _ => present::value_text_in(c, true, lang),
    }
}

/// The whole words of `s` that fit in `cols` cells with `…` after them when some are
/// left out; the first word is always kept (a number is never cut).
pub fn words_within(s: &str, cols: usize) -> String {
    if s.width() <= cols {
        return s.to_owned();
    }
    let mut out = String::new();
    for w in s.split_whitespace() {
        let next = if out.is_empty() {
            w.to_owned()
        } else {
            format!("{out} {w}")
        };
        if !out.is_empty() && next.width() + 1 > cols {
            break;
        }
        out = next;
    }
    out + "…"
}

/// `s` in `cols` cells, cut letter by letter with `…` when longer (a scope's one long
/// word still shows its start: «· المدني…»).
pub fn letters_within(s: &str, cols: usize) -> String {
    if s.width() <= cols {
        return s.to_owned();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() + 1 > cols {
            break;
        }
        out.push(c);
    }
    out.trim_end().to_owned() + "…"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Lexicon, analyze};
    use crate::corpus::Article;

    #[test]
    fn outlets_sharing_a_prefix_are_cut_where_they_differ() {
        let names = [
            "englishAhram",
            "englishFjp",
            "shorouknews",
            "fjp",
            "shorouknews",
        ];
        assert_eq!(
            abbreviations(&names),
            ["englishA…", "englishF…", "shoro…", "fjp", "shoro…"]
        );
        // A name one letter longer than its cut stays whole.
        assert_eq!(abbreviations(&["elfagr", "elfa"]), ["elfagr", "elfa"]);
    }

    #[test]
    fn heads_keep_the_number_and_add_the_time_when_there_is_room() {
        let times = ["02-05 09:30".to_owned(), "09:30".to_owned()];
        let shorouk = |cols| head(59, "shorouknews", "shoro…", &times, cols);
        assert_eq!(shorouk(30), "59 shorouknews 02-05 09:30");
        assert_eq!(shorouk(24), "59 shorouknews 09:30");
        assert_eq!(shorouk(19), "59 shoro… 09:30");
        assert_eq!(shorouk(15), "59 shoro… 09:30");
        assert_eq!(shorouk(14), "59 shorouknews");
        assert_eq!(shorouk(9), "59 shoro…");
        assert_eq!(
            head(59, "officialyoum77", "officialyoum77", &[], 9),
            "59 offic…"
        );
        assert_eq!(head(159, "x", "x", &[], 2), "159");
    }

    fn claim(text: &str, words: &str) -> Claim {
        let a = Article::from_text("t.txt", "t.txt", format!("عنوان\n{text}\n"));
        let found = analyze(&[a], &Lexicon::builtin(), true);
        found
            .claims
            .into_iter()
            .find(|c| c.text == words)
            .unwrap_or_else(|| panic!("no claim «{words}» in «{text}»"))
    }

    #[test]
    fn counts_in_words_lead_with_their_number() {
        let none = claim(
            "مصدر أمني: لم تحدث أي حالات وفاة في اشتباكات طنطا",
            "أي حالات وفاة",
        );
        assert_eq!(none.qualifier, Qualifier::None);
        assert_eq!(value(&none, 20, Lang::Arabic), "0 أي حالات وفاة");
        assert_eq!(value(&none, 6, Lang::Arabic), "0 أي…");
        let above = claim("أصيب أكثر من 2000 شخص في الاشتباكات", "أكثر من 2000 شخص");
        assert_eq!(value(&above, 20, Lang::Arabic), "أكثر من 2000");
        assert_eq!(value(&above, 8, Lang::Arabic), ">2000");
    }

    #[test]
    fn words_are_cut_after_the_first() {
        assert_eq!(words_within("1 شهيد الطوارئ", 8), "1 شهيد…");
        assert_eq!(words_within("0 أي حالات وفاة", 5), "0 أي…");
        assert_eq!(words_within("20 x", 2), "20…");
        assert_eq!(words_within("1 شهيد", 8), "1 شهيد");
        assert_eq!(letters_within("· المدنيون (1986)", 9), "· المدني…");
        assert_eq!(letters_within("· المدنيون", 10), "· المدنيون");
    }
}
