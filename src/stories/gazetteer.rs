//! The bilingual gazetteer: Arabic and English names of places, people and
//! organisations mapped to one id, so that «بورسعيد», «بور سعيد» and "Port Said" give
//! the same term and an English report can join its Arabic story.
//!
//! Data, not code: `assets/gazetteer.toml` is compiled in; a user file in the same
//! format (`$XDG_CONFIG_HOME/qarin/gazetteer.toml`) is merged over it. Names are
//! folded and stemmed as story terms are, then matched as runs of words, longest first.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::terms;

/// The built-in gazetteer's source.
pub const BUILTIN_SOURCE: &str = include_str!("../../assets/gazetteer.toml");

/// The kinds of entries a gazetteer file may hold (its tables).
pub const KINDS: [&str; 3] = ["places", "people", "organisations"];

/// Longest name, in words: longer names are rejected when a file is read.
pub const MAX_WORDS: usize = 6;

/// A gazetteer file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("{path}: cannot read the gazetteer: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a gazetteer: {message}")]
    Format { path: PathBuf, message: String },
}

/// Names (as word-hash runs) to entity ids.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Hash of a name's stemmed words joined by spaces → index into `ids`.
    names: super::fastmap::FastMap<u64, u32>,
    /// Hash of a first word → the most words of a name starting with it.
    starts: super::fastmap::FastMap<u64, u8>,
    ids: Vec<String>,
    /// The terms ([`terms::entity_term`]) of the entities listed as places.
    places: super::fastmap::FastMap<u64, ()>,
    /// The sources merged, for the index's fingerprint.
    source: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    places: toml::Table,
    #[serde(default)]
    people: toml::Table,
    #[serde(default)]
    organisations: toml::Table,
}

impl Gazetteer {
    /// The built-in gazetteer alone.
    pub fn builtin() -> Gazetteer {
        let mut g = Gazetteer::default();
        // The asset is ours and tested (`builtin_parses`); were it broken, stories would
        // still group, by words alone, rather than fail the user.
        let _ = g.merge_source(BUILTIN_SOURCE, Path::new("assets/gazetteer.toml"));
        g
    }

    /// The built-in gazetteer with the user's file merged over it, if there is one.
    pub fn load() -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer::builtin();
        if let Some(path) = user_file()
            && path.exists()
        {
            g.merge_file(&path)?;
        }
        Ok(g)
    }

    /// Merges a gazetteer file: its names are added, and win over earlier ones.
    pub fn merge_file(&mut self, path: &Path) -> Result<(), GazetteerError> {
        let text = std::fs::read_to_string(path).map_err(|source| GazetteerError::Read {
            path: path.to_owned(),
            source,
        })?;
        self.merge_source(&text, path)
    }

    fn merge_source(&mut self, text: &str, path: &Path) -> Result<(), GazetteerError> {
        let bad = |message: String| GazetteerError::Format {
            path: path.to_owned(),
            message,
        };
        let file: File = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
        for (kind, table) in KINDS
            .iter()
            .zip([&file.places, &file.people, &file.organisations])
        {
            for (id, names) in table {
                let names = names
                    .as_array()
                    .ok_or_else(|| bad(format!("{kind}.{id}: expected a list of names")))?;
                for name in names {
                    let name = name.as_str().ok_or_else(|| {
                        bad(format!(
                            "{kind}.{id}: expected names as strings, got {name}"
                        ))
                    })?;
                    self.add(id, name)
                        .map_err(|m| bad(format!("{kind}.{id}: {m}")))?;
                }
                if *kind == "places" {
                    self.places.insert(terms::entity_term(id), ());
                }
            }
        }
        self.source.push_str(text);
        self.source.push('\0');
        Ok(())
    }

    /// Adds one name of entity `id`.
    fn add(&mut self, id: &str, name: &str) -> Result<(), String> {
        let words = name_words(name);
        if words.is_empty() {
            return Err(format!("the name {name:?} has no letters"));
        }
        if words.len() > MAX_WORDS {
            return Err(format!("the name {name:?} is over {MAX_WORDS} words"));
        }
        let idx = match self.ids.iter().position(|x| x == id) {
            Some(i) => i,
            None => {
                self.ids.push(id.to_owned());
                self.ids.len() - 1
            }
        };
        let first = terms::hash(&words[0]);
        let n = self.starts.entry(first).or_insert(0);
        *n = (*n).max(words.len() as u8);
        self.names.insert(terms::hash(&words.join(" ")), idx as u32);
        Ok(())
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether a name may start with the word of hash `h` ([`terms::hash`] of the
    /// stemmed word): most words start none, and are passed over at this cost.
    pub fn may_start(&self, h: u64) -> bool {
        self.starts.contains_key(&h)
    }

    /// Whether the entity term `t` ([`terms::entity_term`]) is a place's.
    pub fn is_place(&self, t: u64) -> bool {
        self.places.contains_key(&t)
    }

    /// The sources merged, to fingerprint what the index's terms were made with.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The longest name starting at `words[0]`: (its entity id, its length in words).
    /// `words` are stemmed words of a text, in order.
    pub fn longest<'w>(&self, words: impl Iterator<Item = &'w str>) -> Option<(&str, usize)> {
        let mut words = words;
        let first = words.next()?;
        let max = *self.starts.get(&terms::hash(first))? as usize;
        let mut key = String::from(first);
        let mut best = self.names.get(&terms::hash(&key)).map(|&i| (i, 1));
        for (k, w) in words.take(max - 1).enumerate() {
            key.push(' ');
            key.push_str(w);
            if let Some(&i) = self.names.get(&terms::hash(&key)) {
                best = Some((i, k + 2));
            }
        }
        best.map(|(i, n)| (self.ids[i as usize].as_str(), n))
    }

    /// The id an entity name stands for, if it is a name of the gazetteer.
    pub fn lookup(&self, name: &str) -> Option<&str> {
        let words = name_words(name);
        let (id, n) = self.longest(words.iter().map(String::as_str))?;
        (n == words.len()).then_some(id)
    }
}

/// The words of a name as text is matched against it: folded, then stemmed (stop
/// words kept: "Port Said" must not lose "said").
fn name_words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut push = |w: &mut String| {
        if !w.is_empty() {
            out.push(terms::stem(w).to_owned());
            w.clear();
        }
    };
    for c in name.chars() {
        let Some(c) = terms::fold(c) else { continue };
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            push(&mut word);
        }
    }
    push(&mut word);
    out
}

/// Where the user's gazetteer is read from: `gazetteer.toml` in qarin's config dir.
pub fn user_file() -> Option<PathBuf> {
    crate::dirs::dir(crate::dirs::Kind::Config).map(|d| d.join("gazetteer.toml"))
}

static ACTIVE: OnceLock<Gazetteer> = OnceLock::new();

/// Loads the gazetteer this process groups with (built-in and user file) once; an
/// unusable user file is an error for the caller to report.
pub fn init() -> Result<&'static Gazetteer, GazetteerError> {
    if let Some(g) = ACTIVE.get() {
        return Ok(g);
    }
    let g = Gazetteer::load()?;
    Ok(ACTIVE.get_or_init(|| g))
}

/// The gazetteer loaded by [`init`], else the built-in one.
pub fn active() -> &'static Gazetteer {
    ACTIVE.get_or_init(Gazetteer::builtin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses() {
        let mut g = Gazetteer::default();
        g.merge_source(BUILTIN_SOURCE, Path::new("assets/gazetteer.toml"))
            .expect("the built-in gazetteer parses");
        assert!(g.len() > 150, "{}", g.len());
    }

    #[test]
    fn spellings_meet_on_one_id() {
        let g = Gazetteer::builtin();
        for name in ["Port Said", "port-said", "بورسعيد", "بور سعيد", "وبورسعيد"]
        {
            assert_eq!(g.lookup(name), Some("port_said"), "{name}");
        }
        assert_eq!(g.lookup("الاتحادية"), Some("ittihadiya"));
        assert_eq!(g.lookup("presidential palace"), Some("ittihadiya"));
        assert_eq!(g.lookup("Said"), None);
    }

    #[test]
    fn longest_name_wins() {
        let g = Gazetteer::builtin();
        let words: Vec<String> = name_words("جنوب سيناء اليوم");
        assert_eq!(
            g.longest(words.iter().map(String::as_str)),
            Some(("south_sinai", 2))
        );
    }

    #[test]
    fn user_names_extend_and_override() {
        let mut g = Gazetteer::builtin();
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("g.toml");
        std::fs::write(
            &p,
            "[places]\nport_said = [\"Bur Said\"]\nmy_town = [\"Sinai\"]\n",
        )
        .expect("write");
        g.merge_file(&p).expect("merges");
        assert_eq!(g.lookup("Bur Said"), Some("port_said"));
        assert_eq!(g.lookup("Port Said"), Some("port_said"));
        assert_eq!(g.lookup("سيناء"), Some("sinai"));
        assert_eq!(g.lookup("Sinai"), Some("my_town"));
    }

    #[test]
    fn bad_files_name_the_file_and_the_fault() {
        let dir = tempfile::tempdir().expect("tempdir");
        for (text, want) in [
            ("[places\n", "not a gazetteer"),
            ("[places]\nx = \"Cairo\"\n", "places.x: expected a list"),
            ("[people]\nx = [1]\n", "people.x: expected names as strings"),
            ("[people]\nx = [\"--\"]\n", "has no letters"),
            ("[towns]\nx = [\"a\"]\n", "unknown field"),
        ] {
            let p = dir.path().join("bad.toml");
            std::fs::write(&p, text).expect("write");
            let e = Gazetteer::builtin()
                .merge_file(&p)
                .expect_err(text)
                .to_string();
            assert!(e.contains("bad.toml") && e.contains(want), "{e}");
        }
        let e = Gazetteer::builtin()
            .merge_file(&dir.path().join("none.toml"))
            .expect_err("missing")
            .to_string();
        assert!(e.contains("none.toml"), "{e}");
    }
}
