//! The claims engine's output: claims, groups and their typed fields. Field and value
//! names are the JSON contract (docs/contracts.md): the enums serialise to the same
//! strings the fields always had.

use std::fmt;

use serde::{Deserialize, Serialize};

pub use super::quantities::Qualifier;

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
    pub topic: Option<Topic>,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    pub qualifier: Qualifier,
    pub unit: Option<Unit>,
    pub hedged: bool,
    pub attribution: Option<String>,
    pub year: Option<i32>,
    /// Percentages never group with counts.
    #[serde(default)]
    pub kind: Kind,
    /// Subject scope from the lexicon (`security_forces`, `civilians`...).
    #[serde(default)]
    pub scope: Option<String>,
    /// A date the sentence ties the claim to («حتى 10 يناير»), as written.
    #[serde(default)]
    pub date: Option<String>,
    /// A part of another claim of the same article (its id): «مصرع 19 سائحا، منهم 9 من
    /// هونج كونج». Parts carry a `scope` and never group with totals.
    #[serde(default)]
    pub part_of: Option<usize>,
    /// A later figure of the same group and article updates this one («ارتفع العدد إلى»).
    #[serde(default)]
    pub superseded: bool,
    /// The figure its article stands by for its group: what the verdict compares.
    #[serde(default)]
    pub headline: bool,
}

#[cfg(test)]
impl Claim {
    /// An exact headline count of `topic` in article `article`, with `text` as its words
    /// and sentence; tests set the fields they compare with struct update syntax.
    pub(crate) fn test_count(article: &str, topic: &str, text: &str, value: f64) -> Self {
        Claim {
            id: 0,
            article: article.into(),
            paragraph: 1,
            start: 0,
            end: text.len(),
            text: text.into(),
            sentence: text.into(),
            topic: Some(Topic::from(topic)),
            value,
            low: Some(value),
            high: Some(value),
            low_inclusive: true,
            high_inclusive: true,
            qualifier: Qualifier::Exact,
            unit: None,
            hedged: false,
            attribution: None,
            year: None,
            kind: Kind::Count,
            scope: None,
            date: None,
            part_of: None,
            superseded: false,
            headline: true,
        }
    }
}

/// A claim's kind: a count of things or a rate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Count,
    Percent,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Percent => "percent",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Agree,
    Compatible,
    Conflict,
    Single,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Compatible => "compatible",
            Verdict::Conflict => "conflict",
            Verdict::Single => "single",
        }
    }
}

/// The trend of a group's headlines over publication time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    /// Every source has a publication time and the headlines only grow with it.
    Rising,
}

impl Trend {
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::Rising => "rising",
        }
    }
}

/// Keys whose set is data, not code: a lexicon (`--lexicon my.toml`) adds topics and
/// units, so a closed enum would turn a user's new topic into a parse error. They are
/// typed (a topic is never passed where a unit is expected) and read as `&str`.
macro_rules! lexicon_key {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(key: impl Into<String>) -> Self {
                $name(key.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name(s)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

lexicon_key!(
    /// A lexicon topic key (`killed`, `reserves`...).
    Topic
);
lexicon_key!(
    /// A lexicon unit key (`metre`, `usd`...), or `percent` for a rate.
    Unit
);

impl Unit {
    /// The unit of every percentage.
    pub fn percent() -> Unit {
        Unit::from("percent")
    }
}

macro_rules! str_eq {
    ($($name:ident),*) => {$(
        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

str_eq!(Qualifier, Kind, Verdict, Trend);

/// A name that is not one of an enum's contract names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{name}` is not a {what} (expected one of: {expected})")]
pub struct UnknownName {
    pub name: String,
    pub what: &'static str,
    pub expected: String,
}

macro_rules! from_str {
    ($name:ident, $what:literal, [$($v:expr),* $(,)?]) => {
        impl $name {
            /// Every value, in contract order.
            pub const ALL: &'static [$name] = &[$($v),*];
        }

        impl std::str::FromStr for $name {
            type Err = UnknownName;
            /// The contract name (`at_least`, `percent`...).
            fn from_str(s: &str) -> Result<Self, UnknownName> {
                $name::ALL.iter().copied().find(|v| v.as_str() == s).ok_or_else(|| UnknownName {
                    name: s.to_owned(),
                    what: $what,
                    expected: $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", "),
                })
            }
        }
    };
}

from_str!(
    Qualifier,
    "qualifier",
    [
        Qualifier::Exact,
        Qualifier::Above,
        Qualifier::Below,
        Qualifier::About,
        Qualifier::AtLeast,
        Qualifier::AtMost,
        Qualifier::Vague,
        Qualifier::Range,
        Qualifier::Rounded,
        Qualifier::Implicit,
        Qualifier::None,
    ]
);
from_str!(Kind, "kind", [Kind::Count, Kind::Percent]);
from_str!(
    Verdict,
    "verdict",
    [
        Verdict::Agree,
        Verdict::Compatible,
        Verdict::Conflict,
        Verdict::Single
    ]
);

/// Claims on the same topic and scope across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub topic: Topic,
    pub verdict: Verdict,
    /// Claim ids.
    pub claims: Vec<usize>,
    /// Pairs of claim ids whose intervals are disjoint.
    #[serde(default)]
    pub conflicts: Vec<(usize, usize)>,
    /// The year the claims are about, when their sentences name one.
    #[serde(default)]
    pub year: Option<i32>,
    /// Subject scope (`security_forces`...), when the claims name one.
    #[serde(default)]
    pub scope: Option<String>,
    /// The claims are parts of totals (see `Claim::part_of`).
    #[serde(default)]
    pub part: bool,
    /// `rising` when every source has a publication time and the headlines only grow
    /// with time (a toll updated through the day, not a disagreement).
    #[serde(default)]
    pub trend: Option<Trend>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub claims: Vec<Claim>,
    pub groups: Vec<Group>,
}

impl Analysis {
    /// The claims of one article (by `Article::id`), in text order.
    pub fn claims_in<'a>(&'a self, article: &'a str) -> impl Iterator<Item = &'a Claim> + 'a {
        self.claims.iter().filter(move |c| c.article == article)
    }

    /// The group a claim belongs to, if any.
    pub fn group_of(&self, claim: usize) -> Option<&Group> {
        self.groups.iter().find(|g| g.claims.contains(&claim))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_fields_serialise_to_their_contract_names() {
        let names = |v: serde_json::Value| v.as_str().map(str::to_owned);
        for &q in Qualifier::ALL {
            let json = serde_json::to_value(q).ok();
            assert_eq!(json.and_then(names).as_deref(), Some(q.as_str()));
            let back: Qualifier = serde_json::from_str(&format!("\"{q}\"")).unwrap();
            assert_eq!(back, q);
            assert_eq!(q.as_str().parse::<Qualifier>(), Ok(q));
        }
        for &k in Kind::ALL {
            assert_eq!(
                serde_json::to_value(k).ok().and_then(names).as_deref(),
                Some(k.as_str())
            );
        }
        for &v in Verdict::ALL {
            assert_eq!(
                serde_json::to_value(v).ok().and_then(names).as_deref(),
                Some(v.as_str())
            );
        }
        let err = "roughly".parse::<Qualifier>().unwrap_err().to_string();
        assert!(err.contains("roughly") && err.contains("at_least"), "{err}");
        assert_eq!(
            serde_json::to_string(&Kind::Percent).unwrap(),
            "\"percent\""
        );
        assert_eq!(serde_json::to_string(&Trend::Rising).unwrap(), "\"rising\"");
        assert_eq!(
            serde_json::to_string(&Topic::from("killed")).unwrap(),
            "\"killed\""
        );
        let u: Option<Unit> = serde_json::from_str("\"usd\"").unwrap();
        assert_eq!(u.as_deref(), Some("usd"));
        assert!(serde_json::from_str::<Qualifier>("\"roughly\"").is_err());
    }
}
