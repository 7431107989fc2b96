//! `qarin claims` writes each claim out as it is found and groups what it kept of them
//! (`cli::claim_store`, `claims::Runs`): its output must be byte for byte what the
//! in-memory analysis (`claims::analyze`, which the reader uses) gives, with the store in
//! memory and forced to a temporary file, whatever the number of articles and claims.

use std::path::{Path, PathBuf};
use std::process::Command;

use qarin::claims::{Lexicon, analyze};
use qarin::corpus::{LoadOptions, load};

const QARIN: &str = env!("CARGO_BIN_EXE_qarin");

fn data(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(p)
}

/// `qarin claims --format json --stories off` on `paths`, the store kept in memory or
/// forced to a file.
fn binary(paths: &[PathBuf], all: bool, in_file: bool) -> String {
    let mut cmd = Command::new(QARIN);
    cmd.args(["claims", "--format", "json", "--stories", "off"]);
    if all {
        cmd.arg("--all");
    }
    // No user config (it could set a layout or a time zone).
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    cmd.args(paths)
        .env_remove("QARIN_SENTENCES_IN_MEMORY")
        .env("XDG_CONFIG_HOME", home.path())
        .env("QARIN_DATA_DIR", home.path());
    if in_file {
        cmd.env("QARIN_SENTENCES_IN_MEMORY", "0");
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("qarin: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

/// The same document from the articles analysed in memory.
fn in_memory(paths: &[PathBuf], all: bool) -> String {
    let loaded = load(paths, &LoadOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let analysis = analyze(&loaded.articles, &Lexicon::builtin(), all);
    assert!(!analysis.claims.is_empty());
    qarin::cli::claims::json(&loaded.articles, &analysis).unwrap_or_else(|e| panic!("{e}"))
}

fn check(paths: &[PathBuf]) {
    for all in [false, true] {
        let want = in_memory(paths, all);
        assert_eq!(binary(paths, all, false), want, "{paths:?} all={all}");
        assert_eq!(
            binary(paths, all, true),
            want,
            "{paths:?} all={all}, in a file"
        );
    }
}

#[test]
fn several_outlets_give_what_the_in_memory_analysis_gives() {
    check(&[data("claims")]);
    check(&[data("en")]);
}

#[test]
fn the_seeds_and_a_story_folder_give_what_the_in_memory_analysis_gives() {
    let seeds: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
            .unwrap_or_else(|e| panic!("{e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
    check(&seeds);
    check(&[data("stories")]);
}

/// One article of many claims (several store segments, updates and parts across
/// paragraphs, a 30 kB paragraph), next to a short one that disagrees.
#[test]
fn an_article_of_thousands_of_claims_gives_what_the_in_memory_analysis_gives() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut text = String::from("تقرير طويل عن الأحداث\n");
    for i in 0..1500 {
        text.push_str(&format!(
            "قالت الشرطة إن {} شخصا قتلوا وأصيب {} آخرون، منهم {} من رجال الأمن. ثم ارتفع عدد القتلى إلى {} قتيلا في عام 2022.\n",
            10 + i % 40,
            100 + i,
            3 + i % 7,
            60 + i % 13
        ));
        if i == 700 {
            text.push_str(&"وأرسلت روسيا أكثر من 2000 جندي إلى المدينة، ".repeat(400));
            text.push('\n');
        }
    }
    let long = tmp.path().join("001_long.txt");
    std::fs::write(&long, text).unwrap_or_else(|e| panic!("{e}"));
    let short = tmp.path().join("002_short.txt");
    std::fs::write(
        &short,
        "خبر قصير\nقتل 12 شخصا وأرسلت روسيا 2500 جندي إلى المدينة.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let paths = [long, short];
    let want = in_memory(&paths, false);
    assert!(
        want.matches("\"headline\": true").count() >= 4,
        "{want:.2000}"
    );
    assert!(want.contains("\"superseded\": true"));
    assert!(want.contains("\"part_of\": 1"));
    assert_eq!(binary(&paths, false, false), want);
    assert_eq!(binary(&paths, false, true), want);
}

/// `qarin claims --format markdown --lang en --stories off` on `paths`, the store
/// forced to a file.
fn markdown(paths: &[PathBuf]) -> String {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(QARIN)
        .args([
            "claims",
            "--format",
            "markdown",
            "--lang",
            "en",
            "--stories",
            "off",
        ])
        .args(paths)
        .env("QARIN_SENTENCES_IN_MEMORY", "0")
        .env("XDG_CONFIG_HOME", home.path())
        .env("QARIN_DATA_DIR", home.path())
        .output()
        .unwrap_or_else(|e| panic!("qarin: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

/// The table read back from the store (one pass, a bounded number of claims a cell) is
/// the table of the in-memory analysis.
#[test]
fn the_table_from_the_store_is_the_table_of_the_in_memory_analysis() {
    for paths in [
        vec![data("claims")],
        vec![data("en")],
        vec![data("stories")],
    ] {
        let loaded = load(&paths, &LoadOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        let lexicon = Lexicon::builtin();
        let analysis = analyze(&loaded.articles, &lexicon, false);
        let want = qarin::claims::table::render_markdown(
            &analysis,
            &loaded.articles,
            &lexicon,
            qarin::text::lang::Lang::English,
        );
        assert!(want.lines().count() > 2, "{want}");
        assert_eq!(markdown(&paths), want, "{paths:?}");
    }
}

/// A cell of more claims than `CELL_CLAIMS` lists the first ones and the headline (the
/// last update here), then says how many it leaves out.
#[test]
fn a_cell_of_many_claims_lists_the_first_and_the_headline_then_counts_the_rest() {
    use qarin::claims::table::CELL_CLAIMS;
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut text = String::from("حصيلة الهجوم\n");
    let n = CELL_CLAIMS * 3;
    for i in 0..n {
        text.push_str(&format!(
            "وقالت الشرطة إن {} شخصا قتلوا في الهجوم.\n",
            10 + i
        ));
    }
    text.push_str("ثم ارتفع عدد القتلى إلى 95 قتيلا.\n");
    let long = tmp.path().join("001_long.txt");
    std::fs::write(&long, text).unwrap_or_else(|e| panic!("{e}"));
    let md = markdown(std::slice::from_ref(&long));
    let row = md
        .lines()
        .find(|l| l.starts_with("| people killed |"))
        .unwrap_or_else(|| panic!("{md}"));
    let cell = row.split(" | ").nth(1).unwrap_or_else(|| panic!("{row}"));
    let listed: Vec<&str> = cell.split(" / ").collect();
    assert_eq!(listed.len(), CELL_CLAIMS + 1, "{cell}");
    // The first ones in text order: the figures of consecutive paragraphs.
    let figure = |w: &str| -> u32 {
        w.split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{cell}"))
    };
    let first = figure(listed[0]);
    for (i, words) in listed.iter().take(CELL_CLAIMS - 1).enumerate() {
        assert_eq!(figure(words), first + i as u32, "{cell}");
    }
    assert_eq!(figure(listed[CELL_CLAIMS - 1]), 95, "{cell}");
    // The group in JSON has every claim: the cell counts those it leaves out.
    let json: serde_json::Value =
        serde_json::from_str(&binary(&[long], false, true)).unwrap_or_else(|e| panic!("{e}"));
    let total = json["groups"]
        .as_array()
        .and_then(|gs| gs.iter().find(|g| g["topic"] == "killed"))
        .and_then(|g| g["claims"].as_array())
        .map_or(0, Vec::len);
    assert!(total > CELL_CLAIMS + n / 2, "{json}");
    assert_eq!(
        listed[CELL_CLAIMS],
        format!("… +{} more", total - CELL_CLAIMS),
        "{cell}"
    );
}
