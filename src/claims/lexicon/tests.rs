use super::*;

#[test]
fn builtin_lexicon_parses() {
    let l = Lexicon::from_toml(BUILTIN, Path::new("assets/lexicon.toml"));
    let l = l.unwrap_or_else(|e| panic!("{e}"));
    for key in [
        "troops",
        "killed",
        "injured",
        "arrested",
        "border_length",
        "area",
        "money",
        "missing",
        "on_board",
    ] {
        assert!(l.topic(key).is_some(), "{key}");
    }
    assert_eq!(l.label("troops"), "القوات");
    assert_eq!(l.label("no_such_topic"), "no_such_topic");
}

#[test]
fn parse_errors_name_file_line_and_column() {
    let src = "hedges = [\"x\"]\n[[topic]]\nkey = \"a\"\nwords = 3\n";
    let e = Lexicon::from_toml(src, Path::new("my.toml"))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("my.toml:4:"), "{e}");
    let e = Lexicon::from_toml("[[topic]\n", Path::new("x.toml"))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("x.toml:1:"), "{e}");
    let e = Lexicon::from_toml(
        "[[unit]]\nkey=\"m\"\nfactor=-1\nwords=[]\n",
        Path::new("u.toml"),
    );
    assert!(e.unwrap_err().to_string().contains("positive"));
}

#[test]
fn merge_extends_and_adds_topics() {
    let mut l = Lexicon::builtin();
    let n = l.topics().len();
    let extra = Lexicon::from_toml(
        "[[topic]]\nkey = \"killed\"\nevents = [\"استشهد*\"]\n[[topic]]\nkey = \"sheep\"\nlabel = \"أغنام\"\nnouns = [\"رأس غنم\"]\n",
        Path::new("extra.toml"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    l.merge(extra);
    assert_eq!(l.topics().len(), n + 1);
    assert_eq!(l.label("sheep"), "أغنام");
    assert_eq!(l.label("killed"), Lexicon::builtin().label("killed"));
    let mut t = Tokens::default();
    t.scan("واستشهد رأس غنم");
    let mut hits = Vec::new();
    l.matches_at(&t, 0, |target, len| hits.push((target, len)));
    let killed = l.topic_order("killed");
    assert!(hits.contains(&(Target::Event(killed), 1)), "{hits:?}");
    hits.clear();
    l.matches_at(&t, 1, |target, len| hits.push((target, len)));
    assert!(hits.contains(&(Target::Noun(n), 2)), "{hits:?}");
}
