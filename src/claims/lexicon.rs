//! The topic lexicon: what is counted and what happened to it, scopes, units, hedges and
//! attribution verbs. Data, not code: `assets/lexicon.toml` is compiled in and users
//! extend it with `--lexicon FILE` (same format; entries merge by key).
//!
//! Words are matched after normalisation (see `tokens`), with proclitics و ف ب ل ك and
//! the article ال stripped; a trailing `*` matches any ending (`اعتقل*`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::tokens::{Kind, Tokens, normalize, stems};

const BUILTIN: &str = include_str!("../../assets/lexicon.toml");

/// Why a lexicon file was refused. The message names the file, line and column.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}: cannot read lexicon: {cause}")]
    Io {
        path: PathBuf,
        /// In the message, not in `source()`: `{:#}` would print it twice.
        cause: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// One topic as written in the lexicon file.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TopicDef {
    pub key: String,
    /// Arabic display label («القوات»).
    #[serde(default)]
    pub label: String,
    /// English display label.
    #[serde(default)]
    pub en: String,
    /// A colour hint for views (a ratatui/terminal colour name).
    #[serde(default)]
    pub colour: Option<String>,
    /// What happened (مقتل، اعتقل*): decides the topic before the counted noun.
    #[serde(default)]
    pub events: Vec<String>,
    /// What is counted (جندي، راكب).
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Units that imply this topic on their own (square metres → area).
    #[serde(default)]
    pub units: Vec<String>,
    /// The topic applies only with one of these units (border length needs metres).
    #[serde(default)]
    pub requires_unit: Vec<String>,
    /// A catch-all topic (people in general): a more specific topic named earlier in
    /// the sentence wins over it.
    #[serde(default)]
    pub generic: bool,
    /// The topic counts people: a number with any other unit (cars, metres, years of
    /// age, per cent) is never one of its claims.
    #[serde(default)]
    pub people: bool,
    /// Nouns that count one on their own, in the singular (قتيل، حالة وفاة); their dual
    /// counts two (see `claims::implicit`). A trailing `+` marks a sound plural in ين.
    #[serde(default)]
    pub one: Vec<String>,
}

/// A subject scope that splits a topic (security forces vs civilians).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScopeDef {
    pub key: String,
    #[serde(default)]
    pub label: String,
    /// English display label.
    #[serde(default)]
    pub en: String,
    pub words: Vec<String>,
    /// A party to amounts of these topics (a lender, a donor): named anywhere in the
    /// amount's clause, it splits them («قرض صندوق النقد» is not «قرض الاتحاد
    /// الأوروبي»). Empty: a subject of a head count, named after the number.
    #[serde(default)]
    pub topics: Vec<String>,
}

/// A unit and the factor to its base unit (كيلومتر → metre × 1000).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UnitDef {
    pub key: String,
    #[serde(default = "one")]
    pub factor: f64,
    /// A currency's approximate value in US dollars: amounts in different currencies
    /// are compared through it, never as bare numbers.
    #[serde(default)]
    pub rate: Option<f64>,
    #[serde(default)]
    pub words: Vec<String>,
    /// Signs and codes written before the number, glued or not (`$`, `LE`, `EGP`).
    #[serde(default)]
    pub symbols: Vec<String>,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    hedges: Vec<String>,
    #[serde(default)]
    attribution: Vec<String>,
    #[serde(default, rename = "topic")]
    topics: Vec<TopicDef>,
    #[serde(default, rename = "scope")]
    scopes: Vec<ScopeDef>,
    #[serde(default, rename = "unit")]
    units: Vec<UnitDef>,
    /// Words that make a figure an update of an earlier one («ارتفع العدد إلى»).
    #[serde(default)]
    updates: Vec<String>,
    /// Words that introduce a part of a total («منهم»، «من بينهم»).
    #[serde(default)]
    parts: Vec<String>,
    /// Verbs and nouns of change: an amount «by» which something changed («انخفض
    /// بمقدار») is a change, not a level.
    #[serde(default)]
    changes: Vec<String>,
    /// Words that introduce an earlier value («مقابل»، «بعد أن كان»).
    #[serde(default)]
    previous: Vec<String>,
    /// Nouns of one person (شخص، مواطنة): after an event of a people topic the singular
    /// counts one, the dual two. A trailing `+` marks a sound plural in ين (مواطنين).
    #[serde(default)]
    persons: Vec<String>,
    /// Negations that make «أي …» a count of zero (لم، لا، دون).
    #[serde(default)]
    negations: Vec<String>,
    /// The words of another language (`[lang.en]`), in this same shape: merged into the
    /// topics, scopes and units of the same key, so a new language is data.
    #[serde(default)]
    lang: std::collections::BTreeMap<String, LexiconFile>,
}

/// FNV-1a: lexicon keys are short words we wrote or the user wrote, so a fast
/// non-keyed hash is fine (SipHash dominated the profile).
#[derive(Debug, Clone, Copy, Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastHash = std::hash::BuildHasherDefault<Fnv>;

/// What a lexicon phrase stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Event(usize),
    Noun(usize),
    Scope(usize),
    Unit(usize),
    Hedge,
    Attribution,
    Update,
    Part,
    Change,
    Previous,
}

#[derive(Debug, Clone)]
struct Pattern {
    /// Normalised words; a word ending in `*` matches by prefix.
    words: Vec<(String, bool)>,
    target: Target,
}

/// Topic words and labels; the built-in one comes from `assets/`, users extend it
/// with `--lexicon FILE`.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    file: LexiconFile,
    patterns: Vec<Pattern>,
    /// First word (exact) → patterns.
    exact: HashMap<String, Vec<usize>, FastHash>,
    /// Patterns whose first word is a prefix, by the prefix's first two letters.
    prefixed: HashMap<(char, char), Vec<usize>, FastHash>,
    implicit: ImplicitWords,
    /// Folded currency signs and codes → unit index.
    symbols: HashMap<String, usize, FastHash>,
    /// `label` and `scope_label` give the English labels (`--lang en`).
    english_labels: bool,
}

/// A form of a topic's `one` noun: what it counts and the words after its first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OneForm {
    pub topic: usize,
    pub value: f64,
    /// How many words follow the first («حالة وفاة»: 1).
    pub rest: usize,
    rest_id: usize,
}

/// The words of counts without digits, in every form (see `claims::implicit`).
#[derive(Debug, Clone, Default)]
pub struct ImplicitWords {
    ones: HashMap<String, OneForm, FastHash>,
    rests: Vec<Vec<String>>,
    persons: HashMap<String, f64, FastHash>,
    negations: Vec<String>,
    filter: super::prefilter::WordSet,
}

/// Words that start a zero count after a negation.
const ZERO_WORDS: [&str; 3] = ["اي", "وقوع", "سقوط"];

impl ImplicitWords {
    fn new(file: &LexiconFile) -> ImplicitWords {
        let mut w = ImplicitWords::default();
        for (topic, t) in file.topics.iter().enumerate() {
            for entry in &t.one {
                let (entry, sound) = match entry.strip_suffix('+') {
                    Some(e) => (e, true),
                    None => (entry.as_str(), false),
                };
                let norm = normalize(entry);
                let mut parts = norm.split(' ').filter(|x| !x.is_empty());
                let Some(first) = parts.next() else { continue };
                let rest: Vec<String> = parts.map(str::to_owned).collect();
                let rest_id = w.rests.len();
                let n = rest.len();
                w.rests.push(rest);
                for (form, value) in forms(first, sound, true) {
                    w.ones.entry(form).or_insert(OneForm {
                        topic,
                        value,
                        rest: n,
                        rest_id,
                    });
                }
            }
        }
        for entry in &file.persons {
            let (entry, sound) = match entry.strip_suffix('+') {
                Some(e) => (e, true),
                None => (entry.as_str(), false),
            };
            for (form, value) in forms(&normalize(entry), sound, false) {
                w.persons.entry(form).or_insert(value);
            }
        }
        w.negations = file.negations.iter().map(|n| normalize(n)).collect();
        let keys: Vec<&str> = w
            .ones
            .keys()
            .chain(w.persons.keys())
            .map(String::as_str)
            .chain(ZERO_WORDS)
            .collect();
        w.filter = super::prefilter::WordSet::new(keys.into_iter());
        w
    }

    pub fn one(&self, stem: &str) -> Option<OneForm> {
        self.ones.get(stem).copied()
    }

    /// Word `k` after the first of a multi-word `one` noun.
    pub fn rest_word(&self, one: OneForm, k: usize) -> Option<&str> {
        self.rests.get(one.rest_id)?.get(k).map(String::as_str)
    }

    pub fn person(&self, stem: &str) -> Option<f64> {
        self.persons.get(stem).copied()
    }

    pub fn is_negation(&self, stem: &str) -> bool {
        self.negations.iter().any(|n| n == stem)
    }

    /// Could this normalised word start a count without digits?
    pub fn may_be(&self, word: &str) -> bool {
        stems(word).any(|(s, _)| {
            ZERO_WORDS.contains(&s) || self.ones.contains_key(s) || self.persons.contains_key(s)
        })
    }

    /// Could this paragraph hold a count without digits (raw bytes, like the number
    /// pre-filter)?
    pub fn may_hold(&self, text: &str) -> bool {
        self.filter.may_hold(text)
    }
}

/// The singular and dual forms of a normalised noun with the count each means.
/// Singular: the noun, and its accusative in ا. Dual: ـان and ـين (unless the noun's
/// plural is the sound ـين), the construct ـي for topic nouns («لشهيدي»), and for a noun
/// in ة (here ه) the same on ت («حالتا»، «حالتين»).
fn forms(noun: &str, sound: bool, construct: bool) -> Vec<(String, f64)> {
    let mut out = vec![(noun.to_owned(), 1.0)];
    let feminine = noun.ends_with('ه');
    if !feminine && !noun.ends_with('ا') && !noun.ends_with('ي') {
        out.push((format!("{noun}ا"), 1.0));
    }
    if noun.ends_with('ي') && !feminine {
        // «جندي» → «جنديا» (accusative) is still one.
        out.push((format!("{noun}ا"), 1.0));
    }
    let base = match noun.strip_suffix('ه') {
        Some(b) => format!("{b}ت"),
        None => noun.to_owned(),
    };
    out.push((format!("{base}ان"), 2.0));
    if !sound {
        out.push((format!("{base}ين"), 2.0));
        if construct {
            out.push((format!("{base}ي"), 2.0));
        }
    }
    if feminine {
        out.push((format!("{base}ا"), 2.0));
    }
    out
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> Lexicon {
        // Parsed once per process (the reader, its background analysis and the claims
        // command each ask for it); later calls clone the parsed lexicon.
        static PARSED: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        PARSED
            .get_or_init(|| {
                // The asset is checked by a unit test; if it ever failed to parse, qarin
                // would still run with no topics rather than fail the user.
                Lexicon::from_toml(BUILTIN, Path::new("assets/lexicon.toml")).unwrap_or_default()
            })
            .clone()
    }

    /// Parses a lexicon in the TOML format of `assets/lexicon.toml`. `path` names it in
    /// errors.
    pub fn from_toml(src: &str, path: &Path) -> Result<Lexicon, LexiconError> {
        let file: LexiconFile = toml::from_str(src).map_err(|e| {
            let (line, column) = e.span().map(|s| line_col(src, s.start)).unwrap_or((1, 1));
            LexiconError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().to_owned(),
            }
        })?;
        validate(&file, path)?;
        Ok(Lexicon::compile(file))
    }

    /// Reads and parses a lexicon file.
    pub fn from_file(path: &Path) -> Result<Lexicon, LexiconError> {
        let src = std::fs::read_to_string(path).map_err(|cause| LexiconError::Io {
            path: path.to_path_buf(),
            cause,
        })?;
        Lexicon::from_toml(&src, path)
    }

    /// Adds `other` to this lexicon: words of topics, scopes and units with the same key
    /// are appended, new ones come after the existing ones.
    pub fn merge(&mut self, other: Lexicon) {
        let mut file = std::mem::take(&mut self.file);
        merge_file(&mut file, other.file);
        *self = Lexicon::compile(file);
    }

    /// Display labels in this language from now on (`label`, `scope_label`): the
    /// lexicon's `en` labels for English, its `label`s otherwise.
    pub fn set_label_lang(&mut self, lang: crate::text::lang::Lang) {
        self.english_labels = lang == crate::text::lang::Lang::English;
    }

    /// A topic's display label («القوات», or «troops sent» after
    /// `set_label_lang(English)`), falling back to its key.
    pub fn label<'a>(&'a self, topic: &'a str) -> &'a str {
        if self.english_labels {
            return self.label_en(topic);
        }
        match self.topic(topic) {
            Some(t) if !t.label.is_empty() => &t.label,
            _ => topic,
        }
    }

    /// A topic's English label, falling back to its key.
    pub fn label_en<'a>(&'a self, topic: &'a str) -> &'a str {
        match self.topic(topic) {
            Some(t) if !t.en.is_empty() => &t.en,
            _ => topic,
        }
    }

    /// A colour hint for a topic (a terminal colour name), if the lexicon gives one.
    pub fn colour(&self, topic: &str) -> Option<&str> {
        self.topic(topic).and_then(|t| t.colour.as_deref())
    }

    /// A scope's display label, falling back to its key.
    pub fn scope_label<'a>(&'a self, scope: &'a str) -> &'a str {
        let def = self.file.scopes.iter().find(|s| s.key == scope);
        if self.english_labels {
            return match def {
                Some(s) if !s.en.is_empty() => &s.en,
                _ => scope,
            };
        }
        match def {
            Some(s) if !s.label.is_empty() => &s.label,
            _ => scope,
        }
    }

    /// Topic definitions in display order.
    pub fn topics(&self) -> &[TopicDef] {
        &self.file.topics
    }

    pub fn topic(&self, key: &str) -> Option<&TopicDef> {
        self.file.topics.iter().find(|t| t.key == key)
    }

    pub fn topic_def(&self, i: usize) -> Option<&TopicDef> {
        self.file.topics.get(i)
    }

    pub fn scope_def(&self, i: usize) -> Option<&ScopeDef> {
        self.file.scopes.get(i)
    }

    pub fn unit_def(&self, i: usize) -> Option<&UnitDef> {
        self.file.units.get(i)
    }

    /// The words of counts without digits.
    pub fn implicit(&self) -> &ImplicitWords {
        &self.implicit
    }

    /// The first unit definition with this key.
    pub fn unit(&self, key: &str) -> Option<&UnitDef> {
        self.file.units.iter().find(|u| u.key == key)
    }

    /// Position of a topic in display order (unknown topics last).
    pub fn topic_order(&self, key: &str) -> usize {
        self.file
            .topics
            .iter()
            .position(|t| t.key == key)
            .unwrap_or(usize::MAX)
    }

    /// The unit a sign or code written before a number stands for (`$` → usd).
    pub fn unit_symbol(&self, symbol: &str) -> Option<usize> {
        self.symbols.get(symbol).copied()
    }

    fn compile(mut file: LexiconFile) -> Lexicon {
        // Every language's words match in one table: folded Arabic and Latin words
        // never meet.
        for (_, words) in std::mem::take(&mut file.lang) {
            merge_file(&mut file, words);
        }
        let mut symbols: HashMap<String, usize, FastHash> = HashMap::default();
        for (i, u) in file.units.iter().enumerate() {
            for sym in &u.symbols {
                symbols.entry(normalize(sym)).or_insert(i);
            }
        }
        let mut patterns = Vec::new();
        let mut add = |words: &[String], target: Target| {
            for w in words {
                let parsed: Vec<(String, bool)> = normalize(w)
                    .split(' ')
                    .filter(|s| !s.is_empty())
                    .map(|s| {
                        let (s, prefix) = match s.strip_suffix('*') {
                            Some(p) => (p, true),
                            None => (s, false),
                        };
                        (strip_article(s).to_owned(), prefix)
                    })
                    .filter(|(s, _)| !s.is_empty())
                    .collect();
                if !parsed.is_empty() {
                    patterns.push(Pattern {
                        words: parsed,
                        target,
                    });
                }
            }
        };
        add(&file.hedges, Target::Hedge);
        add(&file.attribution, Target::Attribution);
        add(&file.updates, Target::Update);
        add(&file.parts, Target::Part);
        add(&file.changes, Target::Change);
        add(&file.previous, Target::Previous);
        for (i, t) in file.topics.iter().enumerate() {
            add(&t.events, Target::Event(i));
            add(&t.nouns, Target::Noun(i));
        }
        for (i, s) in file.scopes.iter().enumerate() {
            add(&s.words, Target::Scope(i));
        }
        for (i, u) in file.units.iter().enumerate() {
            add(&u.words, Target::Unit(i));
        }
        let mut exact: HashMap<String, Vec<usize>, FastHash> = HashMap::default();
        let mut prefixed: HashMap<(char, char), Vec<usize>, FastHash> = HashMap::default();
        for (i, p) in patterns.iter().enumerate() {
            let (first, prefix) = &p.words[0];
            if *prefix {
                // A one-letter prefix would match too much; it is kept as exact.
                match first_two(first) {
                    Some(k) => prefixed.entry(k).or_default().push(i),
                    None => exact.entry(first.clone()).or_default().push(i),
                }
            } else {
                exact.entry(first.clone()).or_default().push(i);
            }
        }
        let implicit = ImplicitWords::new(&file);
        Lexicon {
            file,
            patterns,
            exact,
            prefixed,
            implicit,
            symbols,
            english_labels: false,
        }
    }

    /// Calls `f(target, tokens_matched)` for every lexicon phrase starting at token `i`.
    pub fn matches_at(&self, tokens: &Tokens, i: usize, mut f: impl FnMut(Target, usize)) {
        if !matches!(tokens.toks.get(i).map(|t| t.kind), Some(Kind::Word)) {
            return;
        }
        let word = tokens.norm(i);
        let try_pattern = |pi: usize, f: &mut dyn FnMut(Target, usize)| {
            let p = &self.patterns[pi];
            if let Some(len) = match_rest(tokens, i, &p.words) {
                f(p.target, len);
            }
        };
        for (stem, _) in stems(word) {
            if let Some(list) = self.exact.get(stem) {
                for &pi in list {
                    try_pattern(pi, &mut f);
                }
            }
            if let Some(list) = first_two(stem).and_then(|k| self.prefixed.get(&k)) {
                for &pi in list {
                    try_pattern(pi, &mut f);
                }
            }
        }
    }
}

/// Adds the words of `o` to `file` (see `Lexicon::merge`); language sections stay
/// separate until `compile` folds them in.
fn merge_file(file: &mut LexiconFile, o: LexiconFile) {
    file.hedges.extend(o.hedges);
    file.attribution.extend(o.attribution);
    file.updates.extend(o.updates);
    file.parts.extend(o.parts);
    file.changes.extend(o.changes);
    file.previous.extend(o.previous);
    file.persons.extend(o.persons);
    file.negations.extend(o.negations);
    for t in o.topics {
        match file.topics.iter_mut().find(|x| x.key == t.key) {
            Some(x) => {
                x.events.extend(t.events);
                x.nouns.extend(t.nouns);
                x.units.extend(t.units);
                x.requires_unit.extend(t.requires_unit);
                if !t.label.is_empty() {
                    x.label = t.label;
                }
                if !t.en.is_empty() {
                    x.en = t.en;
                }
                x.generic |= t.generic;
                x.people |= t.people;
                x.one.extend(t.one);
                if t.colour.is_some() {
                    x.colour = t.colour;
                }
            }
            None => file.topics.push(t),
        }
    }
    for s in o.scopes {
        match file.scopes.iter_mut().find(|x| x.key == s.key) {
            Some(x) => {
                x.words.extend(s.words);
                x.topics.extend(s.topics);
                if !s.en.is_empty() {
                    x.en = s.en;
                }
            }
            None => file.scopes.push(s),
        }
    }
    for u in o.units {
        match file
            .units
            .iter_mut()
            .find(|x| x.key == u.key && x.factor == u.factor)
        {
            Some(x) => {
                x.words.extend(u.words);
                x.symbols.extend(u.symbols);
            }
            None => file.units.push(u),
        }
    }
    for (tag, words) in o.lang {
        merge_file(file.lang.entry(tag).or_default(), words);
    }
}

/// Matches a pattern's words at tokens `i..`, skipping quote marks between words.
/// Returns how many tokens it spans.
fn match_rest(tokens: &Tokens, i: usize, words: &[(String, bool)]) -> Option<usize> {
    let mut j = i;
    for (k, (w, prefix)) in words.iter().enumerate() {
        if k > 0 {
            j += 1;
            while matches!(tokens.toks.get(j).map(|t| t.kind), Some(Kind::Mark(_))) {
                j += 1;
            }
        }
        let tok = tokens.toks.get(j)?;
        if tok.kind != Kind::Word {
            return None;
        }
        let norm = tokens.norm(j);
        let ok = stems(norm).any(|(s, _)| {
            if *prefix {
                s.starts_with(w.as_str())
            } else {
                s == w
            }
        });
        if !ok {
            return None;
        }
    }
    Some(j + 1 - i)
}

fn first_two(s: &str) -> Option<(char, char)> {
    let mut c = s.chars();
    Some((c.next()?, c.next()?))
}

fn strip_article(s: &str) -> &str {
    match s.strip_prefix("ال") {
        Some(r) if r.chars().count() >= 2 => r,
        _ => s,
    }
}

fn validate(file: &LexiconFile, path: &Path) -> Result<(), LexiconError> {
    let bad = |message: String| LexiconError::Invalid {
        path: path.to_path_buf(),
        message,
    };
    for t in &file.topics {
        if t.key.trim().is_empty() {
            return Err(bad("a [[topic]] has an empty key".into()));
        }
    }
    for u in &file.units {
        if !(u.factor.is_finite() && u.factor > 0.0) {
            return Err(bad(format!(
                "unit `{}` has a factor that is not a positive number",
                u.key
            )));
        }
        if u.rate.is_some_and(|r| !(r.is_finite() && r > 0.0)) {
            return Err(bad(format!(
                "unit `{}` has a rate that is not a positive number",
                u.key
            )));
        }
    }
    Ok(())
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

#[cfg(test)]
mod tests;
