//! Keys and the keymap: the defaults from `assets/keymap.toml`, overridden by the user's
//! `$XDG_CONFIG_HOME/qarin/config.toml`. Errors in either name the line and column.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::action::Action;

pub(crate) const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

pub use super::keymap_config::{ConfigError, read_config};

/// A key press, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// A character; the space bar is `Char(' ')`.
    Char(char),
    /// Control plus a character (lower case).
    Ctrl(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Backspace,
    /// A function key, `F(1)` for F1.
    F(u8),
}

const NAMED: [(&str, Key); 15] = [
    ("Enter", Key::Enter),
    ("Esc", Key::Esc),
    ("Tab", Key::Tab),
    ("BackTab", Key::BackTab),
    ("Up", Key::Up),
    ("Down", Key::Down),
    ("Left", Key::Left),
    ("Right", Key::Right),
    ("PageUp", Key::PageUp),
    ("PageDown", Key::PageDown),
    ("Home", Key::Home),
    ("End", Key::End),
    ("Space", Key::Char(' ')),
    ("Backspace", Key::Backspace),
    ("S-Tab", Key::BackTab),
];

impl Key {
    /// Parses one key: a single character, `C-x`, or a name such as `PageDown`.
    pub fn parse(s: &str) -> Result<Key, String> {
        if let Some((_, k)) = NAMED.iter().find(|(n, _)| *n == s) {
            return Ok(*k);
        }
        if let Some(n) = s.strip_prefix('F').and_then(|n| n.parse::<u8>().ok())
            && (1..=12).contains(&n)
        {
            return Ok(Key::F(n));
        }
        let mut chars = s.chars();
        match (chars.next(), chars.next(), chars.next(), chars.next()) {
            (Some(c), None, _, _) => Ok(Key::Char(c)),
            (Some('C'), Some('-'), Some(c), None) => Ok(Key::Ctrl(c.to_ascii_lowercase())),
            _ => Err(format!(
                "unknown key {s:?} (use a single character, C-x, F1…F12, or one of {})",
                NAMED[..14]
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(" ")
            )),
        }
    }

    /// Parses space-separated keys (`"s ] Enter"`), as `qarin snapshot --keys` takes them.
    pub fn parse_seq(s: &str) -> Result<Vec<Key>, String> {
        s.split_whitespace().map(Key::parse).collect()
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((n, _)) = NAMED.iter().find(|(_, k)| k == self) {
            return f.write_str(n);
        }
        match self {
            Key::Char(c) => write!(f, "{c}"),
            Key::Ctrl(c) => write!(f, "C-{c}"),
            Key::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Which side the first source's column goes in the compare view and claims table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    #[default]
    Right,
    Left,
}

/// The keymap tables of a config file beyond `[keys]` (which holds every view's keys):
/// one per kind of view, whose keys win there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    /// `[reader]`: the reader.
    Reader,
    /// `[compare]`: the compare view.
    Compare,
    /// `[list]`: the claims table, library, results, bookmarks and story lists.
    List,
    /// `[prompt]`: an open text prompt (search, note, filters). Its keys are its own:
    /// `[keys]` does not reach into a prompt, where characters are text.
    Prompt,
}

impl Table {
    pub const ALL: [Table; 4] = [Table::Reader, Table::Compare, Table::List, Table::Prompt];

    /// Its name in a config file.
    pub fn name(self) -> &'static str {
        match self {
            Table::Reader => "reader",
            Table::Compare => "compare",
            Table::List => "list",
            Table::Prompt => "prompt",
        }
    }
}

/// The active bindings and settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    /// `[keys]`: every view's.
    pub(crate) bindings: BTreeMap<Key, Action>,
    /// `[reader]`, `[compare]`, `[list]`: keys that mean something else in those views.
    pub(crate) tables: BTreeMap<Table, BTreeMap<Key, Action>>,
    /// Descriptions the user gave (`desc = "..."`), shown in help instead of ours.
    pub(crate) descs: BTreeMap<Action, String>,
    /// From `[compare] first_source`.
    pub first_source: Side,
    /// From `[terminal] mouse`: `false` leaves mouse reporting off, so the terminal's
    /// own selection and copy work.
    pub mouse: bool,
    /// From the top-level `lang = "en"`: labels in English (`--lang` overrides it).
    pub english: bool,
    /// What the user's config changed that the reader should know (a key taken from
    /// another action), shown in the status bar when qarin opens.
    pub warnings: Vec<String>,
}

impl Keymap {
    /// No keys at all.
    pub(crate) fn empty() -> Keymap {
        Keymap {
            bindings: BTreeMap::new(),
            tables: BTreeMap::new(),
            descs: BTreeMap::new(),
            first_source: Side::Right,
            mouse: true,
            english: false,
            warnings: Vec::new(),
        }
    }

    /// The built-in keymap.
    pub fn defaults() -> Keymap {
        // The asset is compiled in and checked by a test; should it ever fail to parse,
        // an empty keymap with `q` is better than refusing to start.
        Keymap::from_toml(DEFAULT_KEYMAP, Path::new("assets/keymap.toml"), None).unwrap_or_else(
            |_| {
                let mut map = Keymap::empty();
                map.bindings.insert(Key::Char('q'), Action::Quit);
                map
            },
        )
    }

    /// The defaults overridden by the user's config file at `path`, if it exists.
    pub fn load_user(path: Option<&Path>) -> Result<Keymap, ConfigError> {
        let base = Keymap::defaults();
        let Some(path) = path else { return Ok(base) };
        match read_config(path)? {
            Some(text) => Keymap::from_toml(&text, path, Some(base)),
            None => Ok(base),
        }
    }

    /// `$XDG_CONFIG_HOME/qarin/config.toml`, else the platform's (`crate::dirs`).
    pub fn user_config_path() -> Option<PathBuf> {
        crate::dirs::config_file()
    }

    /// What `key` does in `[keys]` alone.
    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings.get(&key).copied()
    }

    /// What `key` does in a view of `table`: that table's binding, else `[keys]`'
    /// (a prompt has its own keys only).
    pub fn action_in(&self, key: Key, table: Table) -> Option<Action> {
        let own = self.tables.get(&table).and_then(|t| t.get(&key));
        if table == Table::Prompt {
            return own.copied();
        }
        own.or_else(|| self.bindings.get(&key)).copied()
    }

    /// The keys bound to `action` in `[keys]`, in key order.
    pub fn keys_for(&self, action: Action) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| *k)
            .collect()
    }

    /// The keys that do `action` in a view of `table`, in key order.
    pub fn keys_in(&self, action: Action, table: Table) -> Vec<Key> {
        let mut keys: Vec<Key> = self
            .bindings
            .keys()
            .chain(self.tables.get(&table).into_iter().flat_map(|t| t.keys()))
            .copied()
            .filter(|k| self.action_in(*k, table) == Some(action))
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// Bound actions with their keys in a view of `table`, in help order.
    pub fn help_entries(&self, table: Table) -> Vec<(Action, Vec<Key>)> {
        Action::ALL
            .iter()
            .map(|a| (*a, self.keys_in(*a, table)))
            .filter(|(_, k)| !k.is_empty())
            .collect()
    }

    /// The help line of `action`: the user's `desc`, else ours.
    pub fn description(&self, action: Action) -> &str {
        self.descs
            .get(&action)
            .map_or(action.description(), String::as_str)
    }

    /// A short "key" label for `action` (first bound key) in `[keys]`, for hints.
    pub fn hint(&self, action: Action) -> String {
        Self::label(self.keys_for(action))
    }

    /// A short "key" label for `action` in a view of `table`.
    pub fn hint_in(&self, action: Action, table: Table) -> String {
        Self::label(self.keys_in(action, table))
    }

    fn label(keys: Vec<Key>) -> String {
        keys.first()
            .map(|k| k.to_string())
            .unwrap_or_else(|| "-".into())
    }
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
