//! Tests of `keymap`: parsing keys, the defaults, users' configs and their errors.
use super::*;

#[test]
fn default_keymap_binds_every_action() {
    let map = Keymap::from_toml(DEFAULT_KEYMAP, Path::new("k"), None).unwrap();
    for &a in Action::ALL {
        let keys = if a.in_prompt() {
            map.keys_in(a, Table::Prompt)
        } else {
            map.keys_for(a)
        };
        assert!(!keys.is_empty(), "{a:?} unbound");
    }
    assert_eq!(map.action(Key::Char('G')), Some(Action::Bottom));
    assert_eq!(map.action(Key::Char(' ')), Some(Action::PageDown));
    assert_eq!(map.action(Key::Ctrl('c')), Some(Action::Quit));
    assert_eq!(map.action(Key::BackTab), Some(Action::PrevArticle));
}

#[test]
fn keys_parse_and_print() {
    assert_eq!(Key::parse("C-x"), Ok(Key::Ctrl('x')));
    assert_eq!(Key::parse("ب"), Ok(Key::Char('ب')));
    assert_eq!(
        Key::parse_seq("s ] Enter Space"),
        Ok(vec![
            Key::Char('s'),
            Key::Char(']'),
            Key::Enter,
            Key::Char(' ')
        ])
    );
    assert!(Key::parse("Foo").unwrap_err().contains("\"Foo\""));
    assert!(Key::parse("").is_err());
    assert_eq!(Key::Char(' ').to_string(), "Space");
    assert_eq!(Key::Ctrl('c').to_string(), "C-c");
}

#[test]
fn user_config_replaces_an_actions_keys() {
    let text = "[keys]\nquit = [\"x\"]\n[compare]\nfirst_source = \"left\"\n";
    let map = Keymap::from_toml(text, Path::new("c.toml"), Some(Keymap::defaults())).unwrap();
    assert_eq!(map.action(Key::Char('x')), Some(Action::Quit));
    assert_eq!(map.action(Key::Char('q')), None);
    assert_eq!(map.action(Key::Char('j')), Some(Action::LineDown));
    assert_eq!(map.first_source, Side::Left);
    assert!(map.mouse);
    let off = Keymap::from_toml("[terminal]\nmouse = false\n", Path::new("c"), None).unwrap();
    assert!(!off.mouse);
}

#[test]
fn quit_cannot_be_left_without_a_key() {
    let e = Keymap::from_toml(
        "[keys]\nquit = []\n",
        Path::new("c.toml"),
        Some(Keymap::defaults()),
    )
    .unwrap_err();
    assert_eq!((e.line, e.column), (2, 1), "{e}");
    assert!(e.message.contains("quit has no key"), "{e}");
}

#[test]
fn config_errors_name_line_and_column() {
    let bad_key = "[keys]\nquit = [\"q\", \"Nope\"]\n";
    let e = Keymap::from_toml(bad_key, Path::new("c.toml"), None).unwrap_err();
    assert_eq!((e.line, e.column), (2, 14), "{e}");
    assert!(
        e.to_string()
            .starts_with("c.toml:2:14: unknown key \"Nope\""),
        "{e}"
    );

    let bad_action = "\n[keys]\n  fly = [\"q\"]\n";
    let e = Keymap::from_toml(bad_action, Path::new("c.toml"), None).unwrap_err();
    assert_eq!((e.line, e.column), (3, 3), "{e}");
    assert!(e.message.contains("unknown action \"fly\""));

    let syntax = "[keys]\nquit = [\"q\"\n";
    let e = Keymap::from_toml(syntax, Path::new("c.toml"), None).unwrap_err();
    assert_eq!(e.line, 2, "{e}");

    let unknown_table = "[colours]\n";
    let e = Keymap::from_toml(unknown_table, Path::new("c.toml"), None).unwrap_err();
    assert_eq!(e.line, 1, "{e}");
}

#[test]
fn prompt_keys_are_their_own_table() {
    let map = Keymap::defaults();
    assert_eq!(
        map.action_in(Key::Enter, Table::Prompt),
        Some(Action::Accept)
    );
    assert_eq!(
        map.action_in(Key::Ctrl('u'), Table::Prompt),
        Some(Action::KillToStart)
    );
    assert_eq!(map.action_in(Key::F(1), Table::Prompt), Some(Action::Help));
    // `[keys]` does not reach into a prompt: there `j` and `q` are text.
    assert_eq!(map.action_in(Key::Char('j'), Table::Prompt), None);
    assert_eq!(map.action_in(Key::Char('q'), Table::Prompt), None);
    // …and prompt keys do not leak into the views.
    assert_eq!(map.action_in(Key::Ctrl('k'), Table::Reader), None);
    assert_eq!(Key::parse("F1"), Ok(Key::F(1)));
    assert_eq!(Key::F(12).to_string(), "F12");
    assert!(Key::parse("F13").is_err());
}

#[test]
fn prompt_keys_are_configurable_with_conflicts_reported() {
    let base = || Some(Keymap::defaults());
    let text = "[prompt]\naccept = { keys = [\"C-j\"], desc = \"done, my way\" }\n";
    let map = Keymap::from_toml(text, Path::new("c.toml"), base()).unwrap();
    assert_eq!(
        map.action_in(Key::Ctrl('j'), Table::Prompt),
        Some(Action::Accept)
    );
    assert_eq!(map.action_in(Key::Enter, Table::Prompt), None);
    assert_eq!(map.description(Action::Accept), "done, my way");

    // A prompt action under [keys], or a view's under [prompt], is an error.
    let e =
        Keymap::from_toml("[keys]\naccept = [\"x\"]\n", Path::new("c.toml"), base()).unwrap_err();
    assert_eq!((e.line, e.column), (2, 1), "{e}");
    assert!(e.message.contains("accept is a prompt key"), "{e}");
    let e = Keymap::from_toml("[prompt]\ncompare = [\"x\"]\n", Path::new("c.toml"), base())
        .unwrap_err();
    assert!(e.message.contains("compare is no prompt key"), "{e}");

    // One key for two prompt actions in the file is an error…
    let both = "[prompt]\nolder = [\"C-p\"]\nnewer = [\"C-p\"]\n";
    let e = Keymap::from_toml(both, Path::new("c.toml"), base()).unwrap_err();
    // (Actions are read in name order: `newer` first, so the error is at `older`'s key.)
    assert_eq!((e.line, e.column), (2, 10), "{e}");
    assert!(e.message.contains("given to both newer and older"), "{e}");
    // …and a key taken from a default prompt action is said.
    let take = "[prompt]\nkill_word = [\"C-u\"]\n";
    let map = Keymap::from_toml(take, Path::new("c.toml"), base()).unwrap();
    assert_eq!(
        map.action_in(Key::Ctrl('u'), Table::Prompt),
        Some(Action::KillWord)
    );
    assert_eq!(
        map.warnings,
        vec![
            "c.toml:2:14: C-u was kill_to_start's key, now kill_word's (kill_to_start has no key now)"
                .to_owned()
        ]
    );
    // C-c cancels a prompt whatever the file says: it cannot be bound there.
    let e = Keymap::from_toml(
        "[prompt]\ncancel = [\"C-c\"]\n",
        Path::new("c.toml"),
        base(),
    )
    .unwrap_err();
    assert!(e.message.contains("C-c always quits"), "{e}");
}
