//! The topic lexicon: what is counted and what happened to it, scopes, units, hedges and
//! attribution verbs. Data, not code: `assets/lexicon.toml` is compiled in and users
//! extend it with `--lexicon FILE` (same format; entries merge by key).
//!
//! Words are matched after normalisation (see `tokens`), with proclitics و ف ب ل ك and
//! the article ال stripped; a trailing `*` matches any ending (`اعتقل*`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

mod file;
mod implicit_words;
mod labels;
mod lookup;
mod starts;

pub(crate) use starts::shape as word_shape;

use super::tokens::{Kind, Tokens, normalize, stems};
use file::{LexiconFile, line_col, merge_file, validate};
pub use file::{ScopeDef, TopicDef, UnitDef};
pub use implicit_words::ImplicitWords;
use lookup::first_two;

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
    Forecast,
    Worth,
    Background,
    Restate,
    Cause,
    Place,
    /// A noun naming a work or an outlet (`titles`).
    Title,
    /// A verb of sending or carrying (`sending`).
    Sending,
    /// A form of «قام/قيام» (`doers`).
    Doer,
    /// A noun that counts the topic after a `sending` word (`sent_nouns`).
    SentNoun(usize),
}

#[derive(Debug, Clone)]
struct Pattern {
    /// Normalised words; a word ending in `*` matches by prefix.
    words: Vec<(String, bool)>,
    target: Target,
    /// An event of a topic whose events are verbs: not matched on a stem the article
    /// was stripped from («التظاهر» is the act).
    verb: bool,
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
    /// The first two bytes of `exact`'s words and `prefixed`'s prefixes.
    starts: starts::Starts,
    /// Per unit (index): the topics whose `units` name its key, in topic order.
    implied_by_unit: Vec<Vec<usize>>,
    /// The shapes of `exact`'s words: a stem of another shape skips the hash lookup.
    exact_shapes: starts::Shapes,
    /// The first two bytes of `prefixed`'s prefixes alone: most stems that may start a
    /// phrase start no prefixed one, and skip its lookup.
    prefixed_starts: starts::Starts,
    implicit: ImplicitWords,
    /// Folded currency signs and codes → unit index.
    symbols: HashMap<String, usize, FastHash>,
    /// `label` and `scope_label` give the English labels (`--lang en`).
    english_labels: bool,
    /// Folded `act_nouns`: a verb of a `verbs` topic with the article after one of them
    /// is the act («حق التظاهر»).
    act_nouns: std::collections::HashSet<String, FastHash>,
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

    /// The topics a unit implies (their `units` name its key: dollars → money), in
    /// topic order; computed once, not per figure.
    pub fn topics_implied_by(&self, unit: usize) -> &[usize] {
        self.implied_by_unit.get(unit).map_or(&[], Vec::as_slice)
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
                // The article is stripped before folding: «آ» and «أ» fold to «ا», but
                // «آلية» and «ألقي» do not begin with «ال» (docs/claims.md, "The lexicon").
                let parsed: Vec<(String, bool)> = w
                    .split(' ')
                    .filter(|s| !s.is_empty())
                    .map(|s| {
                        let (s, prefix) = match s.strip_suffix('*') {
                            Some(p) => (p, true),
                            None => (s, false),
                        };
                        (normalize(strip_article(s)), prefix)
                    })
                    .filter(|(s, _)| !s.is_empty())
                    .collect();
                if !parsed.is_empty() {
                    patterns.push(Pattern {
                        words: parsed,
                        target,
                        verb: false,
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
        add(&file.forecasts, Target::Forecast);
        add(&file.worth, Target::Worth);
        add(&file.background, Target::Background);
        add(&file.restates, Target::Restate);
        add(&file.causes, Target::Cause);
        add(&file.places, Target::Place);
        add(&file.titles, Target::Title);
        add(&file.sending, Target::Sending);
        add(&file.doers, Target::Doer);
        for (i, t) in file.topics.iter().enumerate() {
            add(&t.events, Target::Event(i));
            add(&t.nouns, Target::Noun(i));
            add(&t.sent_nouns, Target::SentNoun(i));
        }
        for (i, s) in file.scopes.iter().enumerate() {
            add(&s.words, Target::Scope(i));
        }
        for (i, u) in file.units.iter().enumerate() {
            add(&u.words, Target::Unit(i));
        }
        for p in &mut patterns {
            if let Target::Event(i) = p.target {
                p.verb = file.topics.get(i).is_some_and(|t| t.verbs);
            }
        }
        let mut exact: HashMap<String, Vec<usize>, FastHash> = HashMap::default();
        let mut prefixed: HashMap<(char, char), Vec<usize>, FastHash> = HashMap::default();
        let mut starts = starts::Starts::default();
        let mut prefixed_starts = starts::Starts::default();
        let mut exact_shapes = starts::Shapes::default();
        for (i, p) in patterns.iter().enumerate() {
            let (first, prefix) = &p.words[0];
            starts.add(first);
            if *prefix {
                // A one-letter prefix would match too much; it is kept as exact.
                match first_two(first) {
                    Some(k) => {
                        prefixed_starts.add(first);
                        prefixed.entry(k).or_default().push(i)
                    }
                    None => {
                        exact_shapes.add(first);
                        exact.entry(first.clone()).or_default().push(i)
                    }
                }
            } else {
                exact_shapes.add(first);
                exact.entry(first.clone()).or_default().push(i);
            }
        }
        let implicit = ImplicitWords::new(&file);
        let implied_by_unit = file
            .units
            .iter()
            .map(|u| {
                let implies = |t: &TopicDef| t.units.contains(&u.key);
                (0..file.topics.len())
                    .filter(|&k| implies(&file.topics[k]))
                    .collect()
            })
            .collect();
        let act_nouns = file
            .act_nouns
            .iter()
            .map(|w| normalize(strip_article(w)))
            .collect();
        Lexicon {
            act_nouns,
            file,
            patterns,
            exact,
            prefixed,
            starts,
            prefixed_starts,
            exact_shapes,
            implied_by_unit,
            implicit,
            symbols,
            english_labels: false,
        }
    }
}

/// A lexicon word without its article «ال» (plain alef and lam, before folding).
fn strip_article(s: &str) -> &str {
    match s.strip_prefix("ال") {
        Some(r) if normalize(r).chars().count() >= 2 => r,
        _ => s,
    }
}

#[cfg(test)]
mod tests;
