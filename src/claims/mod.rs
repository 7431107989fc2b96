//! The claims engine (pure, no terminal types): numbers ► quantities ► claims ► groups.
//!
//! INTERFACE STUB: the types below are the contract (`../shared/design.md` §4) that the
//! UI and `qarin claims` code against. `analyze` is a placeholder until the engine lands.

use serde::{Deserialize, Serialize};

use crate::corpus::Article;

/// One numeric claim in one article. Field names are the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Index in `Analysis::claims` (stable for one analysis).
    pub id: usize,
    /// `Article::id`.
    pub article: String,
    /// 1-based source line.
    pub paragraph: usize,
    /// Byte offsets in the paragraph.
    pub start: usize,
    pub end: usize,
    /// The claim's words as in the text («أكثر من 2000 جندي»).
    pub text: String,
    /// The sentence around it.
    pub sentence: String,
    /// Lexicon topic (`troops`, `killed`...), `None` only with `--all`.
    pub topic: Option<String>,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    /// `exact`, `above`, `below`, `about`, `at_least`, `at_most`, `vague`, `range`.
    pub qualifier: String,
    pub unit: Option<String>,
    pub hedged: bool,
    pub attribution: Option<String>,
    pub year: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Agree,
    Compatible,
    Conflict,
    Single,
}

/// Claims on the same topic and scope across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub topic: String,
    pub verdict: Verdict,
    /// Claim ids.
    pub claims: Vec<usize>,
    /// Pairs of claim ids whose intervals are disjoint.
    #[serde(default)]
    pub conflicts: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub claims: Vec<Claim>,
    pub groups: Vec<Group>,
}

/// Topic words and labels; the built-in one comes from `assets/`, users extend it
/// with `--lexicon FILE`.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {}

impl Lexicon {
    pub fn builtin() -> Lexicon {
        Lexicon {}
    }

    /// A topic's display label in Arabic («القوات»), falling back to its key.
    pub fn label<'a>(&'a self, topic: &'a str) -> &'a str {
        topic
    }
}

/// Finds the claims of every article and groups them across articles. `all` keeps
/// quantities with no topic too.
pub fn analyze(_articles: &[Article], _lexicon: &Lexicon, _all: bool) -> Analysis {
    Analysis::default()
}
