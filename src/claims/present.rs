//! How claims are shown, in one place for the CLI and the reader: verdict, qualifier,
//! trend, topic and scope labels in Arabic or English (topics and scopes from the
//! lexicon's `label`/`en`), values as people write them, and colours from the lexicon's
//! `colour`. Pure: `Colour` is a name the terminal layers map to their own type.

use crate::text::lang::Lang;

use super::{Claim, Group, Lexicon, Qualifier, Trend, Verdict};

/// A colour of the 16-colour terminal palette, as the lexicon's `colour` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Colour {
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

impl Colour {
    pub const ALL: [Colour; 16] = [
        Colour::Black,
        Colour::Red,
        Colour::Green,
        Colour::Yellow,
        Colour::Blue,
        Colour::Magenta,
        Colour::Cyan,
        Colour::Gray,
        Colour::DarkGray,
        Colour::LightRed,
        Colour::LightGreen,
        Colour::LightYellow,
        Colour::LightBlue,
        Colour::LightMagenta,
        Colour::LightCyan,
        Colour::White,
    ];

    /// The name a lexicon uses (`red`, `light_blue`...).
    pub fn name(self) -> &'static str {
        match self {
            Colour::Black => "black",
            Colour::Red => "red",
            Colour::Green => "green",
            Colour::Yellow => "yellow",
            Colour::Blue => "blue",
            Colour::Magenta => "magenta",
            Colour::Cyan => "cyan",
            Colour::Gray => "gray",
            Colour::DarkGray => "dark_gray",
            Colour::LightRed => "light_red",
            Colour::LightGreen => "light_green",
            Colour::LightYellow => "light_yellow",
            Colour::LightBlue => "light_blue",
            Colour::LightMagenta => "light_magenta",
            Colour::LightCyan => "light_cyan",
            Colour::White => "white",
        }
    }

    /// A colour by name: case, `-`, `_` and spaces ignored, `grey` as `gray` (so
    /// "DarkGray", "dark-grey" and "dark_gray" are one colour).
    pub fn parse(name: &str) -> Option<Colour> {
        let key: String = name
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .replace("grey", "gray");
        Colour::ALL
            .into_iter()
            .find(|c| c.name().replace('_', "") == key)
    }
}

/// A verdict in words: «تعارض» / "conflict".
pub fn verdict_label(v: Verdict, lang: Lang) -> &'static str {
    match (lang, v) {
        (Lang::English, v) => v.as_str(),
        (Lang::Arabic, Verdict::Conflict) => "تعارض",
        (Lang::Arabic, Verdict::Compatible) => "متوافق",
        (Lang::Arabic, Verdict::Agree) => "اتفاق",
        (Lang::Arabic, Verdict::Single) => "مصدر واحد",
    }
}

/// The sign that marks a verdict in tables and bars, the same in every language.
pub fn verdict_sign(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "✗",
        Verdict::Compatible => "≈",
        Verdict::Agree => "=",
        Verdict::Single => "·",
    }
}

/// Sign and words: «✗ تعارض» / "✗ conflict".
pub fn verdict_mark(v: Verdict, lang: Lang) -> String {
    format!("{} {}", verdict_sign(v), verdict_label(v, lang))
}

/// The colour of a verdict: conflicts red, compatible yellow, agreement green.
pub fn verdict_colour(v: Verdict) -> Option<Colour> {
    match v {
        Verdict::Conflict => Some(Colour::Red),
        Verdict::Compatible => Some(Colour::Yellow),
        Verdict::Agree => Some(Colour::Green),
        Verdict::Single => None,
    }
}

/// A trend in words: «↗ متصاعد» / "↗ rising".
pub fn trend_label(t: Trend, lang: Lang) -> &'static str {
    match (t, lang) {
        (Trend::Rising, Lang::Arabic) => "↗ متصاعد",
        (Trend::Rising, Lang::English) => "↗ rising",
    }
}

/// What marks a hedged claim (an estimate, unconfirmed) after its words.
pub const HEDGE_MARK: &str = "؟";

/// What the hedge mark means, for legends and help.
pub fn hedge_legend(lang: Lang) -> &'static str {
    match lang {
        Lang::Arabic => "؟ تقدير أو رقم غير مؤكد",
        Lang::English => "؟ an estimate or an unconfirmed figure",
    }
}

/// The words around a value for a qualifier, as (before, after): («أكثر من», ""),
/// ("", «على الأقل»), ("at least", ""). Empty for exact figures and for qualifiers that
/// only the claim's own words say well (vague, implicit, none, rounded, range).
pub fn qualifier_words(q: Qualifier, lang: Lang) -> (&'static str, &'static str) {
    match (lang, q) {
        (Lang::Arabic, Qualifier::Above) => ("أكثر من", ""),
        (Lang::Arabic, Qualifier::Below) => ("أقل من", ""),
        (Lang::Arabic, Qualifier::About) => ("نحو", ""),
        (Lang::Arabic, Qualifier::AtLeast) => ("", "على الأقل"),
        (Lang::Arabic, Qualifier::AtMost) => ("", "على الأكثر"),
        (Lang::English, Qualifier::Above) => ("more than", ""),
        (Lang::English, Qualifier::Below) => ("less than", ""),
        (Lang::English, Qualifier::About) => ("about", ""),
        (Lang::English, Qualifier::AtLeast) => ("at least", ""),
        (Lang::English, Qualifier::AtMost) => ("at most", ""),
        _ => ("", ""),
    }
}

/// A qualifier in words for legends and filters: «أكثر من» / "more than".
pub fn qualifier_label(q: Qualifier, lang: Lang) -> &'static str {
    match (lang, q) {
        (_, Qualifier::Above | Qualifier::Below | Qualifier::About) => qualifier_words(q, lang).0,
        (_, Qualifier::AtLeast | Qualifier::AtMost) => match lang {
            Lang::Arabic => qualifier_words(q, lang).1,
            Lang::English => qualifier_words(q, lang).0,
        },
        (Lang::Arabic, Qualifier::Exact) => "بالضبط",
        (Lang::Arabic, Qualifier::Vague) => "تقريبي (العشرات...)",
        (Lang::Arabic, Qualifier::Range) => "بين رقمين",
        (Lang::Arabic, Qualifier::Rounded) => "مقرّب",
        (Lang::Arabic, Qualifier::Implicit) => "دون أرقام",
        (Lang::Arabic, Qualifier::None) => "لا أحد",
        (Lang::English, Qualifier::Exact) => "exactly",
        (Lang::English, Qualifier::Vague) => "vague (dozens...)",
        (Lang::English, Qualifier::Range) => "between two figures",
        (Lang::English, Qualifier::Rounded) => "rounded",
        (Lang::English, Qualifier::Implicit) => "without digits",
        (Lang::English, Qualifier::None) => "none",
    }
}

/// A topic's label in a language, from the lexicon (its key when the lexicon has none).
pub fn topic_label<'a>(lexicon: &'a Lexicon, topic: &'a str, lang: Lang) -> &'a str {
    lexicon.label_in(topic, lang)
}

/// A scope's label in a language, from the lexicon (its key when the lexicon has none).
pub fn scope_label<'a>(lexicon: &'a Lexicon, scope: &'a str, lang: Lang) -> &'a str {
    lexicon.scope_label_in(scope, lang)
}

/// The lexicon's colour for a topic; `None` when it gives none or names no colour.
pub fn topic_colour(lexicon: &Lexicon, topic: &str) -> Option<Colour> {
    lexicon.colour(topic).and_then(Colour::parse)
}

/// A group's row label: topic, then scope and year when it has them
/// («القتلى · قوات الأمن (2022)», "people killed · security forces (2022)").
pub fn group_label(lexicon: &Lexicon, g: &Group, lang: Lang) -> String {
    let mut label = topic_label(lexicon, &g.topic, lang).to_owned();
    if let Some(s) = &g.scope {
        label.push_str(" · ");
        label.push_str(scope_label(lexicon, s, lang));
    }
    if let Some(y) = g.year {
        label.push_str(&format!(" ({y})"));
    }
    label
}

/// A claim's words as a table cell shows them: hedged ones marked with [`HEDGE_MARK`].
pub fn claim_cell(c: &Claim) -> String {
    if c.hedged {
        format!("{} {HEDGE_MARK}", c.text)
    } else {
        c.text.clone()
    }
}

/// A number as people write it: no fraction when whole; millions and billions in words
/// («2.7 مليون», "3 billion") so that a table cell can hold them.
pub fn number(v: f64, lang: Lang) -> String {
    let (million, billion) = match lang {
        Lang::Arabic => ("مليون", "مليار"),
        Lang::English => ("million", "billion"),
    };
    let a = v.abs();
    if (1e9..1e15).contains(&a) {
        format!("{} {billion}", decimals(v / 1e9))
    } else if (1e6..1e15).contains(&a) {
        format!("{} {million}", decimals(v / 1e6))
    } else if v.fract() == 0.0 && a < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Up to three decimals, without trailing zeros: 2.7, 1.234, 3.
fn decimals(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The engine normalises lengths to metres and areas to square metres; a reader wrote
/// (and reads) kilometres. The factor and unit to show a claim's values in.
fn display_unit(c: &Claim, lang: Lang) -> (f64, &'static str) {
    let smallest = [Some(c.value), c.low, c.high]
        .into_iter()
        .flatten()
        .fold(f64::INFINITY, |m, v| m.min(v.abs()));
    match (c.unit.as_deref(), lang) {
        (Some("metre"), Lang::Arabic) if smallest >= 1e3 => (1e3, " كم"),
        (Some("metre"), Lang::English) if smallest >= 1e3 => (1e3, " km"),
        (Some("square_metre"), Lang::Arabic) if smallest >= 1e6 => (1e6, " كم²"),
        (Some("square_metre"), Lang::English) if smallest >= 1e6 => (1e6, " km²"),
        _ => (1.0, ""),
    }
}

/// A claim's value with its qualifier, in the language of its own words («أكثر من
/// 2000», «نحو 7000 كم», "more than 2000"); `short` uses signs (> < ~ ≥ ≤) for a
/// narrow cell. Qualifiers that need the claim's words (vague, implicit...) give them.
pub fn value_text(c: &Claim, short: bool) -> String {
    value_text_in(c, short, Lang::detect(&c.text))
}

/// [`value_text`] in a given language (the reader's `--lang en` shows every value in
/// English).
pub fn value_text_in(c: &Claim, short: bool, lang: Lang) -> String {
    let (scale, unit) = display_unit(c, lang);
    let num = |x: f64| number(x / scale, lang);
    let v = num(c.value);
    let lo = c.low.map(num).unwrap_or_else(|| v.clone());
    let hi = c.high.map(num).unwrap_or_else(|| v.clone());
    let text = match (c.qualifier, short) {
        (Qualifier::Exact, _) => v,
        (Qualifier::Range, _) => format!("{lo}–{hi}"),
        (Qualifier::Above, true) => format!(">{lo}"),
        (Qualifier::Below, true) => format!("<{hi}"),
        (Qualifier::About, true) => format!("~{v}"),
        (Qualifier::AtLeast, true) => format!("≥{lo}"),
        (Qualifier::AtMost, true) => format!("≤{hi}"),
        (q @ (Qualifier::Above | Qualifier::AtLeast), false) => around(q, lang, &lo),
        (q @ (Qualifier::Below | Qualifier::AtMost), false) => around(q, lang, &hi),
        (Qualifier::About, false) => around(Qualifier::About, lang, &v),
        _ => return c.text.clone(),
    };
    format!("{text}{unit}")
}

/// [`value_text`], in signs only when the words do not fit in `cols` columns.
pub fn value_text_within(c: &Claim, cols: usize) -> String {
    let full = value_text(c, false);
    if unicode_width::UnicodeWidthStr::width(full.as_str()) <= cols {
        full
    } else {
        value_text(c, true)
    }
}

fn around(q: Qualifier, lang: Lang, v: &str) -> String {
    match qualifier_words(q, lang) {
        ("", after) => format!("{v} {after}"),
        (before, _) => format!("{before} {v}"),
    }
}

#[cfg(test)]
mod tests;
