//! Texts of `--help` (environment, files, exit codes, examples) and the suggestion for
//! a mistyped subcommand.

/// Shown after `qarin --help` (and in the man page).
pub const MAIN_AFTER_HELP: &str = "\
Examples:
  qarin articles/                       read a folder of articles, sources side by side
  qarin claims a.txt b.txt | grep القتلى  the claims, logical text in a pipe
  qarin claims --format csv articles/ > claims.csv

Environment:
  QARIN_DATA_DIR    folder for bookmarks and reading positions (overrides the two below)
  XDG_DATA_HOME     bookmarks in $XDG_DATA_HOME/qarin [~/.local/share/qarin]
  XDG_STATE_HOME    reading positions in $XDG_STATE_HOME/qarin [~/.local/state/qarin]
  XDG_CONFIG_HOME   config in $XDG_CONFIG_HOME/qarin/config.toml [~/.config/qarin]
  XDG_CACHE_HOME    cache in $XDG_CACHE_HOME/qarin [~/.cache/qarin]
  QARIN_CACHE_DIR   pages and feeds fetched from URLs [$XDG_CACHE_HOME/qarin/pages]
  QARIN_STDIN_LIMIT most read from standard input (bytes, or 64K, 512M, 2G) [512M]
  COLUMNS           width of text output when --width is not given
  NO_COLOR          set and not empty: the reader uses no colour

Files:
  config.toml       keys of the reader; `qarin config path` prints where it is read,
                    `qarin config default` prints the defaults with comments
  bookmarks.json    bookmarks (data dir); state.json: reading positions (state dir)

Exit status:
  0  success
  1  `claims --exit-code`: some sources conflict (like diff)
  2  usage error or bad input (missing or unreadable file, invalid UTF-8, bad config)";

/// The exit status of a command that either works or fails on bad input.
macro_rules! exit_0_2 {
    () => {
        "

Exit status: 0 success; 2 usage error or bad input (the message names the file)."
    };
}

pub const RENDER_AFTER_HELP: &str = concat!(
    "Examples:
  qarin render --width 64 article.txt       visual order, shaped, right-aligned
  qarin render --bidi terminal --shape off article.txt | less   logical lines for a bidi terminal

Environment: COLUMNS is the width when --width is not given (else the terminal's, else 80).",
    exit_0_2!()
);

pub const BOOKMARKS_AFTER_HELP: &str = "\
Examples:
  qarin bookmarks add article.txt --paragraph 14 --note \"figure differs\"
  qarin bookmarks list --format csv > bookmarks.csv

Files: bookmarks.json in the data dir ($QARIN_DATA_DIR, else $XDG_DATA_HOME/qarin, else
~/.local/share/qarin; `qarin config path data` prints it).

Exit status: 0 success; 2 usage error, bad input, or a bookmarks file that cannot be
read or written (it is left as it was).";

pub const SNAPSHOT_AFTER_HELP: &str = concat!(
    "Examples:
  qarin snapshot --size 100x14 --keys \"s ] ]\"   the compare view at the first conflicts
  qarin snapshot --keys \"c\" articles/           the claims table of a folder

Files: the keys of config.toml (`qarin config path`) apply, as in the reader.",
    exit_0_2!()
);

pub const COMPLETIONS_AFTER_HELP: &str = concat!(
    "Examples:
  qarin completions bash > ~/.local/share/bash-completion/completions/qarin
  qarin completions zsh > \"${fpath[1]}/_qarin\"",
    exit_0_2!()
);

pub const MAN_AFTER_HELP: &str = concat!(
    "Examples:
  qarin man > qarin.1 && man -l qarin.1
  qarin man | gzip > /usr/local/share/man/man1/qarin.1.gz",
    exit_0_2!()
);

pub const CONFIG_AFTER_HELP: &str = concat!(
    "Examples:
  qarin config default > \"$(qarin config path)\"   start a config from the defaults
  qarin config path state                          where reading positions are kept

Environment: XDG_CONFIG_HOME, XDG_DATA_HOME (or QARIN_DATA_DIR), XDG_STATE_HOME and
XDG_CACHE_HOME move each location (see `qarin --help`).",
    exit_0_2!()
);

pub const CONFIG_PATH_AFTER_HELP: &str = concat!(
    "Examples:
  qarin config path            the config file, ~/.config/qarin/config.toml by default
  qarin config path data       the folder of bookmarks.json",
    exit_0_2!()
);

pub const CONFIG_DEFAULT_AFTER_HELP: &str = concat!(
    "Examples:
  qarin config default | less
  qarin config default > \"$(qarin config path)\"   start your own (its folder must exist)",
    exit_0_2!()
);

/// Where pages go, and what a failed URL means, for `fetch` and `update`.
macro_rules! fetch_tail {
    () => {
        "

Environment: QARIN_CACHE_DIR, else $XDG_CACHE_HOME/qarin/pages (~/.cache/qarin/pages),
is where pages and feeds are kept; they are read from there again with --offline, or
when the network fails.

Exit status: 0 every URL fetched (or not modified); 2 usage error, or some URL failed
(the others are still fetched; each failure is named)."
    };
}

pub const FETCH_AFTER_HELP: &str = concat!(
    "Examples:
  qarin fetch https://www.bbc.com/arabic/index.xml      a feed, one article per entry
  qarin fetch https://example.com/news/1 && qarin --offline https://example.com/news/1",
    fetch_tail!()
);

pub const UPDATE_AFTER_HELP: &str = concat!(
    "Examples:
  qarin update                               every URL of ~/.config/qarin/urls
  qarin update --feeds feeds.txt --tag arabic   only the URLs tagged arabic

Files: the feeds file is newsboat's urls format: one URL a line, then optional tags;
`#` starts a comment. Default: `feeds` under [corpus] in config.toml, else urls next to
config.toml.",
    fetch_tail!()
);

/// The subcommand `word` was probably meant to be, if it is close to one: a prefix of
/// it, or within two edits (one for short words).
pub fn suggest<'a>(word: &str, commands: &[&'a str]) -> Option<&'a str> {
    if word.is_empty() {
        return None;
    }
    let limit = if word.chars().count() <= 4 { 1 } else { 2 };
    commands
        .iter()
        .map(|&c| (edit_distance(word, c), c))
        .filter(|&(d, c)| d <= limit || (word.len() >= 3 && c.starts_with(word)))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const CMDS: &[&str] = &["render", "claims", "bookmarks", "snapshot", "config"];

    #[test]
    fn typos_and_prefixes_find_their_command() {
        assert_eq!(suggest("claim", CMDS), Some("claims"));
        assert_eq!(suggest("rendr", CMDS), Some("render"));
        assert_eq!(suggest("bookmark", CMDS), Some("bookmarks"));
        assert_eq!(suggest("snap", CMDS), Some("snapshot"));
        assert_eq!(suggest("cnofig", CMDS), Some("config"));
    }

    #[test]
    fn article_names_are_not_commands() {
        assert_eq!(suggest("news.txt", CMDS), None);
        assert_eq!(suggest("x", CMDS), None);
        assert_eq!(suggest("كلام", CMDS), None);
    }
}
