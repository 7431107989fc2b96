//! Tests of `keymap`: parsing keys, the defaults, users' configs and their errors.
use super::*;

#[test]
fn default_keymap_binds_every_action() {
    let map = Keymap::from_toml(DEFAULT_KEYMAP, Path::new("k"), None).unwrap();
    for &a in Action::ALL {
        assert!(!map.keys_for(a).is_empty(), "{a:?} unbound");
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
