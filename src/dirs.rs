//! The one place qarin finds its directories: config (keymap), data (bookmarks), state
//! (reading positions) and cache. Each honours its XDG variable on every platform, then
//! falls back to the platform's convention (`directories`); `QARIN_DATA_DIR` overrides
//! data and state together (tests and portable setups keep everything in one folder).
//!
//! Contract in docs/contracts.md ("Files").

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// One kind of directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Config,
    Data,
    State,
    Cache,
}

impl Kind {
    /// The XDG base-directory variable for this kind.
    pub fn xdg_var(self) -> &'static str {
        match self {
            Kind::Config => "XDG_CONFIG_HOME",
            Kind::Data => "XDG_DATA_HOME",
            Kind::State => "XDG_STATE_HOME",
            Kind::Cache => "XDG_CACHE_HOME",
        }
    }
}

/// Environment variable overriding data and state directories at once.
pub const DATA_DIR_VAR: &str = "QARIN_DATA_DIR";

/// The directory of `kind` for this process's environment, `None` when neither the
/// variables nor a home directory say where.
pub fn dir(kind: Kind) -> Option<PathBuf> {
    resolve(kind, |v| std::env::var_os(v), platform_dir)
}

/// The user's config file (keymap and settings).
pub fn config_file() -> Option<PathBuf> {
    dir(Kind::Config).map(|d| d.join("config.toml"))
}

/// The resolution rules, pure over an environment lookup and a platform fallback.
/// XDG says relative paths in its variables are invalid and must be ignored.
pub fn resolve(
    kind: Kind,
    env: impl Fn(&str) -> Option<OsString>,
    platform: impl Fn(Kind) -> Option<PathBuf>,
) -> Option<PathBuf> {
    let set = |name: &str| env(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if matches!(kind, Kind::Data | Kind::State)
        && let Some(d) = set(DATA_DIR_VAR)
    {
        return Some(d);
    }
    if let Some(base) = set(kind.xdg_var()).filter(|p| p.is_absolute()) {
        return Some(base.join("qarin"));
    }
    platform(kind)
}

/// The platform convention: `~/.config/qarin`, `~/.local/share/qarin`,
/// `~/.local/state/qarin`, `~/.cache/qarin` on Linux; `~/Library/...` on macOS (state
/// in the local data directory where the platform has no state directory).
fn platform_dir(kind: Kind) -> Option<PathBuf> {
    let p = directories::ProjectDirs::from("", "", "qarin")?;
    Some(match kind {
        Kind::Config => p.config_dir().to_path_buf(),
        Kind::Data => p.data_dir().to_path_buf(),
        Kind::State => p
            .state_dir()
            .unwrap_or_else(|| p.data_local_dir())
            .to_path_buf(),
        Kind::Cache => p.cache_dir().to_path_buf(),
    })
}

/// Moves `name` from the data directory to the state directory once: earlier versions
/// kept reading positions with the bookmarks. Nothing happens when the state file
/// already exists (it is newer) or there is nothing to move. Errors are returned, not
/// fatal: the caller still reads the old file in that case.
pub fn migrate_state_file(data: &Path, state: &Path, name: &str) -> std::io::Result<bool> {
    let old = data.join(name);
    let new = state.join(name);
    if data == state || new.exists() || !old.is_file() {
        return Ok(false);
    }
    std::fs::create_dir_all(state)?;
    if std::fs::rename(&old, &new).is_err() {
        // Another file system: copy to a temporary name, then move into place.
        let tmp = state.join(format!(".{name}.migrating"));
        std::fs::copy(&old, &tmp)?;
        std::fs::rename(&tmp, &new)?;
        std::fs::remove_file(&old)?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    fn platform(kind: Kind) -> Option<PathBuf> {
        Some(PathBuf::from(format!("/home/u/platform/{kind:?}")))
    }

    #[test]
    fn xdg_variables_win_over_the_platform() {
        let vars = [
            ("XDG_CONFIG_HOME", "/x/c"),
            ("XDG_DATA_HOME", "/x/d"),
            ("XDG_STATE_HOME", "/x/s"),
            ("XDG_CACHE_HOME", "/x/k"),
        ];
        let got: Vec<_> = [Kind::Config, Kind::Data, Kind::State, Kind::Cache]
            .into_iter()
            .map(|k| resolve(k, env(&vars), platform).unwrap())
            .collect();
        let want: Vec<PathBuf> = ["/x/c/qarin", "/x/d/qarin", "/x/s/qarin", "/x/k/qarin"]
            .into_iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn empty_or_relative_xdg_values_are_ignored() {
        let vars = [("XDG_STATE_HOME", "rel/state"), ("XDG_CACHE_HOME", "")];
        assert_eq!(
            resolve(Kind::State, env(&vars), platform).unwrap(),
            PathBuf::from("/home/u/platform/State")
        );
        assert_eq!(
            resolve(Kind::Cache, env(&vars), platform).unwrap(),
            PathBuf::from("/home/u/platform/Cache")
        );
    }

    #[test]
    fn qarin_data_dir_covers_data_and_state_only() {
        let vars = [("QARIN_DATA_DIR", "/mine"), ("XDG_CONFIG_HOME", "/x/c")];
        assert_eq!(
            resolve(Kind::Data, env(&vars), platform).unwrap(),
            PathBuf::from("/mine")
        );
        assert_eq!(
            resolve(Kind::State, env(&vars), platform).unwrap(),
            PathBuf::from("/mine")
        );
        assert_eq!(
            resolve(Kind::Config, env(&vars), platform).unwrap(),
            PathBuf::from("/x/c/qarin")
        );
        assert_eq!(resolve(Kind::Config, env(&[]), |_| None), None);
    }

    #[test]
    fn state_file_moves_once_and_never_overwrites() {
        let tmp = tempfile::tempdir().unwrap();
        let (data, state) = (tmp.path().join("data"), tmp.path().join("state"));
        std::fs::create_dir_all(&data).unwrap();
        std::fs::write(data.join("state.json"), "old").unwrap();
        assert!(migrate_state_file(&data, &state, "state.json").unwrap());
        assert_eq!(
            std::fs::read_to_string(state.join("state.json")).unwrap(),
            "old"
        );
        assert!(!data.join("state.json").exists());
        // A stale copy reappearing in the data dir does not replace the newer state.
        std::fs::write(data.join("state.json"), "stale").unwrap();
        assert!(!migrate_state_file(&data, &state, "state.json").unwrap());
        assert_eq!(
            std::fs::read_to_string(state.join("state.json")).unwrap(),
            "old"
        );
    }
}
