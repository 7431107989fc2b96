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

pub const RENDER_AFTER_HELP: &str = "\
Examples:
  qarin render --width 64 article.txt       visual order, shaped, right-aligned
  qarin render --bidi terminal --shape off article.txt | less   logical lines for a bidi terminal";

pub const BOOKMARKS_AFTER_HELP: &str = "\
Examples:
  qarin bookmarks add article.txt --paragraph 14 --note \"figure differs\"
  qarin bookmarks list --format csv > bookmarks.csv

Files: bookmarks.json in the data dir ($QARIN_DATA_DIR, else $XDG_DATA_HOME/qarin).";

pub const SNAPSHOT_AFTER_HELP: &str = "\
Examples:
  qarin snapshot --size 100x14 --keys \"s ] ]\"   the compare view at the first conflicts
  qarin snapshot --keys \"c\" articles/           the claims table of a folder";

pub const COMPLETIONS_AFTER_HELP: &str = "\
Examples:
  qarin completions bash > ~/.local/share/bash-completion/completions/qarin
  qarin completions zsh > \"${fpath[1]}/_qarin\"";

pub const MAN_AFTER_HELP: &str = "\
Examples:
  qarin man > qarin.1 && man -l qarin.1
  qarin man | gzip > /usr/local/share/man/man1/qarin.1.gz";

pub const CONFIG_AFTER_HELP: &str = "\
Examples:
  qarin config default > \"$(qarin config path)\"   start a config from the defaults
  qarin config path state                          where reading positions are kept";

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
