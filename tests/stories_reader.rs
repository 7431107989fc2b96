//! The reader on a corpus: `qarin DIR` opens the story library (tests/data/stories:
//! three multi-outlet stories and one single-outlet article, see its README); a story
//! opened holds only its articles in the library, claims table and compare, which shows
//! "N of M" sources ordered by publication time and scrolls across them.

mod ui_common;

use std::path::Path;
use std::process::Command;

use ui_common::tmux::Tmux;

const CORPUS: &str = "tests/data/stories";

/// `qarin snapshot` on the corpus with its own cache and data directories.
fn snap(dirs: &Path, size: &str, keys: &str, extra: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_qarin"))
        .env("QARIN_CACHE_DIR", dirs.join("cache"))
        .env("QARIN_DATA_DIR", dirs.join("data"))
        .env("XDG_CONFIG_HOME", dirs.join("config"))
        .args(["snapshot", "--size", size, "--keys", keys])
        .args(extra)
        .arg(CORPUS)
        .output()
        .expect("qarin runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).expect("utf-8 screen")
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

/// Rows of the list (below the title and header rows, above the status bar) that hold
/// a story: they end with its number.
fn story_rows(screen: &str) -> Vec<&str> {
    screen
        .lines()
        .skip(2)
        .filter(|l| {
            l.trim_end()
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_digit())
        })
        .collect()
}

#[test]
fn a_folder_opens_as_a_story_library() {
    let d = tempfile::tempdir().unwrap();
    let s = snap(d.path(), "120x12", "", &[]);
    let top = first_line(&s);
    assert!(top.contains("stories: 3 listed (2+ outlets)"), "{s}");
    assert!(top.contains("1 other article (a lists them)"), "{s}");
    let rows = story_rows(&s);
    assert_eq!(rows.len(), 3, "{s}");
    // Newest first: the earthquake (last report 13 March) leads, the fire (10 March) last.
    assert!(rows[0].contains("2024-03-13 18:00"), "{s}");
    assert!(rows[2].contains("2024-03-10 13:05"), "{s}");
    assert!(rows[0].contains("alpha، gamma، delta"), "{s}");
    // The hint bar lists the library's keys.
    for k in ["Enter open", "o sort", "O outlet", "/ search", "a all"] {
        assert!(s.contains(k), "{k}: {s}");
    }

    // `a` lists the single-outlet story too (the football match, beta only).
    let all = snap(d.path(), "120x12", "a", &[]);
    assert!(first_line(&all).contains("stories: 4 listed"), "{all}");
    let rows = story_rows(&all);
    assert!(rows.iter().any(|r| r.contains("beta   1")), "{all}");
    // The outlets' count sits in its own sub-cell: the same column on every row, whatever
    // the length of the names before it.
    let count_col = |r: &str| {
        let names_end = r.rfind(|c: char| c.is_ascii_alphabetic()).unwrap_or(0);
        let tail = &r[names_end..];
        let gap = tail
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(usize::MAX);
        assert!(gap <= 5, "no count right after the names: {r}");
        r[..names_end].chars().count() + gap
    };
    let cols: Vec<usize> = rows.iter().map(|r| count_col(r)).collect();
    assert!(cols.windows(2).all(|w| w[0] == w[1]), "{cols:?}\n{all}");

    // `o` twice: most conflicts first (the earthquake and the fire have one each, the
    // protest none, so it comes last).
    let by_conflicts = snap(d.path(), "120x12", "o o", &[]);
    assert!(first_line(&by_conflicts).contains("most conflicts first"));
    let rows = story_rows(&by_conflicts);
    assert!(rows[2].contains("alpha، beta، delta"), "{by_conflicts}");

    // `O` twice: beta's stories only (the protest and the fire).
    let beta = snap(d.path(), "120x12", "O O", &[]);
    assert!(first_line(&beta).contains("outlet beta"), "{beta}");
    let rows = story_rows(&beta);
    assert_eq!(rows.len(), 2, "{beta}");
    assert!(rows.iter().all(|r| r.contains("beta")), "{beta}");

    // `/` filters by text, folded as search folds: «زلزال» finds the earthquake only;
    // a text nothing has says so.
    let quake = snap(d.path(), "120x12", "/ ز ل ز ا ل Enter", &[]);
    assert_eq!(story_rows(&quake).len(), 1, "{quake}");
    assert!(quake.contains("2024-03-13 18:00"), "{quake}");
    let none = snap(d.path(), "120x12", "/ x y z", &[]);
    assert!(none.contains("no story matches"), "{none}");
    assert!(none.contains("filter: xyz"), "{none}");
}

#[test]
fn an_opened_story_holds_only_its_articles() {
    let d = tempfile::tempdir().unwrap();
    // The fire story (third, oldest): its library lists its three articles only.
    let lib = snap(d.path(), "120x12", "G Enter l", &[]);
    assert!(first_line(&lib).contains("library: 3 articles"), "{lib}");
    for (outlet, time) in [
        ("alpha", "2024-03-10 09:15"),
        ("beta", "2024-03-10 10:40"),
        ("gamma", "2024-03-10 13:05"),
    ] {
        assert!(
            lib.lines().any(|l| l.contains(outlet) && l.contains(time)),
            "{outlet} {time}: {lib}"
        );
    }
    assert!(!lib.contains("delta"), "{lib}");
    // The reader's hint bar offers the way back.
    assert!(lib.contains("S stories"), "{lib}");
    // Its claims table: sources are its outlets only.
    let claims = snap(d.path(), "160x14", "G Enter c", &[]);
    assert!(claims.contains("claims:"), "{claims}");
    assert!(!claims.contains("delta"), "{claims}");
    // `S` goes back to the library, on the open story (marked ▸).
    let back = snap(d.path(), "120x12", "G Enter S", &[]);
    assert!(first_line(&back).contains("stories:"), "{back}");
    assert!(story_rows(&back)[2].trim_end().ends_with("▸3"), "{back}");
}

#[test]
fn compare_shows_n_of_m_sources_by_time_and_scrolls_across_them() {
    let d = tempfile::tempdir().unwrap();
    // 60 columns hold two panes: the earthquake's three reports are "2 of 3".
    let s = snap(d.path(), "60x16", "Enter s", &[]);
    assert!(first_line(&s).contains("compare: 2 of 3 sources"), "{s}");
    let header = s.lines().nth(2).unwrap_or("");
    // First source on the right, by publication time: alpha (11 March) then gamma (12).
    let (g, a) = (header.find("gamma"), header.find("alpha"));
    assert!(g.is_some() && a.is_some() && g < a, "{header}");
    assert!(!header.contains("delta"), "{header}");
    // `>` brings the third source (delta, 13 March) into view.
    let s = snap(d.path(), "60x16", "Enter s >", &[]);
    let header = s.lines().nth(2).unwrap_or("");
    assert!(header.contains("delta"), "{header}");
    assert!(first_line(&s).contains("2 of 3"), "{s}");
    // And `<` back.
    let s = snap(d.path(), "60x16", "Enter s > <", &[]);
    assert!(!s.lines().nth(2).unwrap_or("").contains("delta"), "{s}");
    // Wide enough for all: no "of".
    let s = snap(d.path(), "120x16", "Enter s", &[]);
    assert!(first_line(&s).contains("compare: 3 sources"), "{s}");
}

#[test]
fn stories_off_opens_the_articles_as_before() {
    let d = tempfile::tempdir().unwrap();
    let s = snap(d.path(), "120x8", "l", &["--stories", "off"]);
    assert!(first_line(&s).contains("library: 10 articles"), "{s}");
    assert!(!s.contains("S stories"), "{s}");
    // Without a corpus, `S` says why there is no library.
    let s = snap(d.path(), "120x8", "S", &["--stories", "off"]);
    assert!(s.contains("no story library"), "{s}");
}

#[test]
fn tmux_opens_a_folder_of_stories_picks_one_and_compares() {
    let d = tempfile::tempdir().unwrap();
    let command = format!(
        "cd {} && env QARIN_CACHE_DIR={c} QARIN_DATA_DIR={dd} XDG_STATE_HOME={dd} XDG_CONFIG_HOME={dd} NO_COLOR= {} {CORPUS}; echo EXIT=$?; sleep 60",
        env!("CARGO_MANIFEST_DIR"),
        env!("CARGO_BIN_EXE_qarin"),
        c = d.path().join("cache").display(),
        dd = d.path().join("data").display(),
    );
    let tmux = Tmux::script("stories", 60, 20, &command);
    tmux.wait_for("the story library", |s| {
        s.contains("stories: 3 listed") && s.contains("Enter open")
    });
    // The first story (the earthquake), then back to the library.
    tmux.send(&["Enter"]);
    tmux.wait_for("the earthquake story", |s| {
        s.contains("1/3") && s.contains("5.8")
    });
    tmux.send(&["S"]);
    tmux.wait_for("the library", |s| s.contains("stories: 3 listed"));
    // Pick the second story (the teachers' protest), open it, compare. Its reader shows
    // its own first article, not the text laid out for the earthquake story's first.
    tmux.send(&["j", "Enter"]);
    let s = tmux.wait_for("the story's first article", |s| s.contains("1/3"));
    let body: String = s.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert!(
        !body.contains("5.8"),
        "the reader shows another story's text:\n{s}"
    );
    tmux.send(&["s"]);
    let s = tmux.wait_for("compare with N of M", |s| s.contains("2 of 3 sources"));
    assert!(s.contains("alpha") && s.contains("beta"), "{s}");
    tmux.send(&[">"]);
    tmux.wait_for("the third source", |s| s.contains("delta"));
    tmux.send(&["S"]);
    tmux.wait_for("the library again", |s| s.contains("▸2"));
    tmux.send(&["q"]);
    tmux.wait_for("exit", |s| s.contains("EXIT=0"));
}

#[test]
fn search_across_the_corpus_answers_from_the_index_and_opens_the_story() {
    let d = tempfile::tempdir().unwrap();
    // Copied, so that a file can change under the index.
    let corpus = d.path().join("corpus");
    for e in walk(Path::new(CORPUS)) {
        let to = corpus.join(e.strip_prefix(CORPUS).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&e, &to).unwrap();
    }
    let run = |keys: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_qarin"))
            .env("QARIN_CACHE_DIR", d.path().join("cache"))
            .env("QARIN_DATA_DIR", d.path().join("data"))
            .env("XDG_CONFIG_HOME", d.path().join("config"))
            .args(["snapshot", "--size", "120x12", "--keys", keys])
            .arg(&corpus)
            .output()
            .expect("qarin runs");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    // «القاهرة» (with ة, found as ه, inside «بالقاهرة» too): five articles of ten, in
    // every story but the earthquake's.
    let typed = "F ا ل ق ا ه ر ة";
    let prompt = run(typed);
    assert!(
        prompt.contains("5 of 10 articles in the corpus"),
        "{prompt}"
    );
    let list = run(&format!("{typed} Enter"));
    assert!(
        list.contains("5 articles of 10 in the corpus hold"),
        "{list}"
    );
    assert!(list.contains("[ﻩﺮﻫﺎﻘﻟﺍ]"), "the match is marked:\n{list}");
    // The second hit (alpha's protest report) opens its story at the match.
    let opened = run(&format!("{typed} Enter j Enter"));
    assert!(opened.contains("match 1/1"), "{opened}");
    assert!(first_line(&opened).contains("alpha") && first_line(&opened).contains("1/3"));
    let lib = run(&format!("{typed} Enter j Enter l"));
    assert!(lib.contains("beta") && lib.contains("delta") && !lib.contains("gamma"));
    // A file changed: its text is indexed again (and only what it says now is found).
    let f = corpus.join("beta/2024-03-10 20:30:00#b4.txt");
    let mut text = std::fs::read_to_string(&f).unwrap();
    assert!(!text.contains("الإسكندرية"));
    text.push_str("\nوتقام المباراة المقبلة في الإسكندرية.\n");
    std::fs::write(&f, text).unwrap();
    let found = run("F ا ل إ س ك ن د ر ي ة");
    assert!(found.contains("1 of 10 articles in the corpus"), "{found}");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
