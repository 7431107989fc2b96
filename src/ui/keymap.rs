//! Keys and the keymap: the defaults from `assets/keymap.toml`, overridden by the user's
//! `$XDG_CONFIG_HOME/qarin/config.toml`. Errors in either name the line and column.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::action::Action;

const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

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
        let mut chars = s.chars();
        match (chars.next(), chars.next(), chars.next(), chars.next()) {
            (Some(c), None, _, _) => Ok(Key::Char(c)),
            (Some('C'), Some('-'), Some(c), None) => Ok(Key::Ctrl(c.to_ascii_lowercase())),
            _ => Err(format!(
                "unknown key {s:?} (use a single character, C-x, or one of {})",
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

/// The active bindings and settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: BTreeMap<Key, Action>,
    /// From `[compare] first_source`.
    pub first_source: Side,
    /// From `[terminal] mouse`: `false` leaves mouse reporting off, so the terminal's
    /// own selection and copy work.
    pub mouse: bool,
    /// What the user's config changed that the reader should know (a key taken from
    /// another action), shown in the status bar when qarin opens.
    pub warnings: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    compare: CompareConfig,
    /// Read by `cli::input` (layout, feeds); not the keymap's business.
    #[serde(default)]
    #[allow(dead_code)]
    corpus: Option<toml::Value>,
    #[serde(default)]
    terminal: TerminalConfig,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TerminalConfig {
    mouse: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompareConfig {
    first_source: Option<Side>,
}

/// A keymap or config file that does not make sense, with where.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct ConfigError {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, column)
}

impl Keymap {
    /// The built-in keymap.
    pub fn defaults() -> Keymap {
        // The asset is compiled in and checked by a test; should it ever fail to parse,
        // an empty keymap with `q` is better than refusing to start.
        Keymap::from_toml(DEFAULT_KEYMAP, Path::new("assets/keymap.toml"), None).unwrap_or_else(
            |_| Keymap {
                bindings: BTreeMap::from([(Key::Char('q'), Action::Quit)]),
                first_source: Side::Right,
                mouse: true,
                warnings: Vec::new(),
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

    /// Parses a keymap file; with `base`, its actions replace the base's keys for them.
    pub fn from_toml(text: &str, file: &Path, base: Option<Keymap>) -> Result<Keymap, ConfigError> {
        let err = |offset: usize, message: String| {
            let (line, column) = line_col(text, offset);
            ConfigError {
                file: file.to_path_buf(),
                line,
                column,
                message,
            }
        };
        let cfg: ConfigFile = toml::from_str(text).map_err(|e| {
            err(
                e.span().map(|s| s.start).unwrap_or(0),
                e.message().to_owned(),
            )
        })?;
        let mut map = base.unwrap_or(Keymap {
            bindings: BTreeMap::new(),
            first_source: Side::Right,
            mouse: true,
            warnings: Vec::new(),
        });
        let base_bindings = map.bindings.clone();
        // Each key the file gives, with its action and where it is written.
        let mut given: BTreeMap<Key, (Action, usize)> = BTreeMap::new();
        for (name, keys) in &cfg.keys {
            let action = Action::from_name(name.get_ref()).ok_or_else(|| {
                err(
                    name.span().start,
                    format!(
                        "unknown action {:?} (see `?` in qarin for the list)",
                        name.get_ref()
                    ),
                )
            })?;
            map.bindings.retain(|_, a| *a != action);
            for k in keys.get_ref() {
                let key = Key::parse(k.get_ref()).map_err(|m| err(k.span().start, m))?;
                if key == Key::Ctrl('c') && action != Action::Quit {
                    return Err(err(
                        k.span().start,
                        format!("C-c always quits; it cannot be {}'s key", action.name()),
                    ));
                }
                if let Some(&(other, _)) = given.get(&key)
                    && other != action
                {
                    return Err(err(
                        k.span().start,
                        format!(
                            "{key} is given to both {} and {}: a key does one thing",
                            other.name(),
                            action.name()
                        ),
                    ));
                }
                given.insert(key, (action, k.span().start));
                map.bindings.insert(key, action);
            }
        }
        // A key taken from a default action is not an error (that is how a key moves),
        // but it is said: the reader sees it when qarin opens.
        for (key, (action, at)) in &given {
            if let Some(&was) = base_bindings.get(key)
                && was != *action
                && !cfg.keys.keys().any(|n| n.get_ref() == was.name())
            {
                let (line, column) = line_col(text, *at);
                let left = map.keys_for(was);
                let left = match left.first() {
                    Some(k) => format!("{} keeps {k}", was.name()),
                    None => format!("{} has no key now", was.name()),
                };
                map.warnings.push(format!(
                    "{}:{line}:{column}: {key} was {}'s key, now {}'s ({left})",
                    file.display(),
                    was.name(),
                    action.name()
                ));
            }
        }
        if map.keys_for(Action::Quit).is_empty()
            && let Some((name, _)) = cfg.keys.iter().find(|(n, _)| n.get_ref() == "quit")
        {
            return Err(err(
                name.span().start,
                "quit has no key left: give it one (C-c always quits too)".into(),
            ));
        }
        if let Some(side) = cfg.compare.first_source {
            map.first_source = side;
        }
        if let Some(mouse) = cfg.terminal.mouse {
            map.mouse = mouse;
        }
        Ok(map)
    }

    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings.get(&key).copied()
    }

    /// The keys bound to `action`, in key order.
    pub fn keys_for(&self, action: Action) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| *k)
            .collect()
    }

    /// Bound actions with their keys, in help order: what the help overlay shows.
    pub fn help_entries(&self) -> Vec<(Action, Vec<Key>)> {
        Action::ALL
            .iter()
            .map(|a| (*a, self.keys_for(*a)))
            .filter(|(_, k)| !k.is_empty())
            .collect()
    }

    /// A short "key" label for `action` (first bound key), for hints.
    pub fn hint(&self, action: Action) -> String {
        self.keys_for(action)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_else(|| "-".into())
    }
}

/// The text of the config file at `path`; `None` if there is none. A FIFO or a device
/// is refused (it would block or never end), and invalid UTF-8 is reported at its line
/// and column, not at the top of the file.
pub fn read_config(path: &Path) -> Result<Option<String>, ConfigError> {
    let read = crate::corpus::stream::open_regular(path).and_then(|mut f| {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).map(|_| bytes)
    });
    let bytes = match read {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(ConfigError {
                file: path.to_path_buf(),
                line: 1,
                column: 1,
                message: format!("cannot read: {e}"),
            });
        }
    };
    match String::from_utf8(bytes) {
        Ok(t) => Ok(Some(t)),
        Err(e) => {
            // Point at the bad byte, not at the top of the file.
            let at = e.utf8_error().valid_up_to();
            let good = String::from_utf8_lossy(&e.as_bytes()[..at]);
            let (line, column) = line_col(&good, at);
            Err(ConfigError {
                file: path.to_path_buf(),
                line,
                column,
                message: format!("invalid UTF-8 (byte offset {at})"),
            })
        }
    }
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
