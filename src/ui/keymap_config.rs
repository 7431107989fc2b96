//! The user's config file read into a [`Keymap`]: `[keys]` for every view, `[reader]`,
//! `[compare]` and `[list]` for keys that mean something else there, each binding a list
//! of keys or `{ keys = [...], desc = "..." }`; `lang`, `[compare] first_source` and
//! `[terminal] mouse`. Every mistake names its line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::action::Action;
use super::keymap::{Key, Keymap, Side, Table};

/// A table of bindings, with where each name and value is written.
type Section = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    /// The language of labels: `ar` (default) or `en`.
    #[serde(default)]
    lang: Option<ConfigLang>,
    #[serde(default)]
    keys: Section,
    #[serde(default)]
    reader: Section,
    /// Bindings, and the `first_source` setting.
    #[serde(default)]
    compare: Section,
    #[serde(default)]
    list: Section,
    #[serde(default)]
    prompt: Section,
    /// Read by `cli::input` (layout, feeds); not the keymap's business.
    #[serde(default)]
    #[allow(dead_code)]
    corpus: Option<toml::Value>,
    #[serde(default)]
    terminal: TerminalConfig,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum ConfigLang {
    Ar,
    En,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TerminalConfig {
    mouse: Option<bool>,
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

/// One binding: its keys (each with its offset in the file) and its description.
struct Binding {
    keys: Vec<(String, usize)>,
    desc: Option<String>,
}

/// Reads `name = [...]` or `name = { keys = [...], desc = "..." }`.
fn binding(text: &str, value: &Spanned<toml::Value>) -> Result<Binding, (usize, String)> {
    let span = value.span();
    let shape = "a list of keys, or { keys = [...], desc = \"...\" }";
    let (list, desc) = match value.get_ref() {
        toml::Value::Array(a) => (a, None),
        toml::Value::Table(t) => {
            if let Some(other) = t.keys().find(|k| *k != "keys" && *k != "desc") {
                return Err((
                    span.start,
                    format!("unknown field {other:?}: expected {shape}"),
                ));
            }
            let desc = match t.get("desc") {
                None => None,
                Some(toml::Value::String(d)) => Some(d.clone()),
                Some(_) => return Err((span.start, "desc must be a string".into())),
            };
            match t.get("keys") {
                Some(toml::Value::Array(a)) => (a, desc),
                _ => return Err((span.start, format!("no list of keys: expected {shape}"))),
            }
        }
        _ => return Err((span.start, format!("expected {shape}"))),
    };
    // Each key's own place in the file, for errors: found in order inside the value.
    let mut from = span.start;
    let mut keys = Vec::new();
    for k in list {
        let toml::Value::String(k) = k else {
            return Err((span.start, format!("keys are strings: expected {shape}")));
        };
        let rest = text.get(from..span.end).unwrap_or_default();
        let at = [format!("\"{k}\""), format!("'{k}'")]
            .iter()
            .find_map(|q| rest.find(q.as_str()))
            .map_or(span.start, |i| from + i);
        from = (at + 2 + k.len()).min(span.end);
        keys.push((k.clone(), at));
    }
    Ok(Binding { keys, desc })
}

impl Keymap {
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
        let mut map = base.unwrap_or_else(Keymap::empty);
        let base_bindings = map.bindings.clone();
        let sections = [
            (None, &cfg.keys),
            (Some(Table::Reader), &cfg.reader),
            (Some(Table::Compare), &cfg.compare),
            (Some(Table::List), &cfg.list),
            (Some(Table::Prompt), &cfg.prompt),
        ];
        let base_prompt = map.tables.get(&Table::Prompt).cloned().unwrap_or_default();
        // Each key a table of the file gives, with its action and where it is written.
        let mut given: BTreeMap<(Option<Table>, Key), (Action, usize)> = BTreeMap::new();
        for (table, section) in sections {
            for (name, value) in section {
                if table == Some(Table::Compare) && name.get_ref() == "first_source" {
                    map.first_source = match value.get_ref().as_str() {
                        Some("right") => Side::Right,
                        Some("left") => Side::Left,
                        _ => {
                            return Err(err(
                                value.span().start,
                                "first_source is \"right\" or \"left\"".into(),
                            ));
                        }
                    };
                    continue;
                }
                let action = Action::from_name(name.get_ref()).ok_or_else(|| {
                    err(
                        name.span().start,
                        format!(
                            "unknown action {:?} (see `?` in qarin for the list)",
                            name.get_ref()
                        ),
                    )
                })?;
                // A prompt's keys are its own: typed text there, commands elsewhere.
                let in_prompt = table == Some(Table::Prompt);
                if action.in_prompt() != in_prompt && !(in_prompt && action == Action::Help) {
                    let m = if in_prompt {
                        format!("{} is no prompt key: bind it under [keys]", action.name())
                    } else {
                        format!("{} is a prompt key: bind it under [prompt]", action.name())
                    };
                    return Err(err(name.span().start, m));
                }
                let b = binding(text, value).map_err(|(at, m)| err(at, m))?;
                if let Some(d) = b.desc {
                    map.descs.insert(action, d);
                }
                match table {
                    None => map.bindings.retain(|_, a| *a != action),
                    Some(t) => map.tables.entry(t).or_default().retain(|_, a| *a != action),
                }
                for (k, at) in b.keys {
                    let key = Key::parse(&k).map_err(|m| err(at, m))?;
                    if key == Key::Ctrl('c') && action != Action::Quit {
                        return Err(err(
                            at,
                            format!("C-c always quits; it cannot be {}'s key", action.name()),
                        ));
                    }
                    if let Some(&(other, _)) = given.get(&(table, key))
                        && other != action
                    {
                        return Err(err(
                            at,
                            format!(
                                "{key} is given to both {} and {}: a key does one thing",
                                other.name(),
                                action.name()
                            ),
                        ));
                    }
                    given.insert((table, key), (action, at));
                    match table {
                        None => map.bindings.insert(key, action),
                        Some(t) => map.tables.entry(t).or_default().insert(key, action),
                    };
                }
            }
        }
        // A key taken from a default action is not an error (that is how a key moves),
        // but it is said: the reader sees it when qarin opens.
        for ((table, key), (action, at)) in &given {
            let (base, section, t) = match table {
                None => (&base_bindings, &cfg.keys, None),
                Some(Table::Prompt) => (&base_prompt, &cfg.prompt, Some(Table::Prompt)),
                Some(_) => continue,
            };
            if let Some(&was) = base.get(key)
                && was != *action
                && !section.keys().any(|n| n.get_ref() == was.name())
            {
                let (line, column) = line_col(text, *at);
                let left = match t
                    .map_or_else(|| map.keys_for(was), |t| map.keys_in(was, t))
                    .first()
                {
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
        if let Some(mouse) = cfg.terminal.mouse {
            map.mouse = mouse;
        }
        if let Some(lang) = cfg.lang {
            map.english = lang == ConfigLang::En;
        }
        Ok(map)
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
