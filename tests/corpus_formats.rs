//! Articles as people hold them (issue 11): every input format of tests/data/inputs/
//! through the real binary, with exactly the text, metadata and claims expected.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/inputs")
        .join(name)
}

fn qarin(args: &[&str], paths: &[PathBuf]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qarin"))
        .args(args)
        .args(paths)
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .stdin(Stdio::null())
        .output()
        .expect("qarin runs")
}

fn claims(paths: &[PathBuf], extra: &[&str]) -> Value {
    let mut args = vec!["claims", "--format", "json", "--all"];
    args.extend_from_slice(extra);
    let o = qarin(&args, paths);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

fn render(paths: &[PathBuf], extra: &[&str]) -> String {
    let mut args = vec![
        "render", "--bidi", "terminal", "--shape", "off", "--align", "none", "--width", "1000",
    ];
    args.extend_from_slice(extra);
    let o = qarin(&args, paths);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).expect("UTF-8")
}

/// Claim texts of one article.
fn claim_texts(doc: &Value, article: &str) -> Vec<String> {
    doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["article"] == article)
        .map(|c| c["text"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn an_html_page_gives_the_article_only_with_its_metadata() {
    let p = data("page.html");
    let text = render(std::slice::from_ref(&p), &[]);
    let paras: Vec<&str> = text.lines().collect();
    assert_eq!(paras.len(), 4, "{text}");
    assert_eq!(paras[0], "كتبت: سارة محمود");
    // A paragraph wrapped in the page's source is one paragraph.
    assert!(
        paras[1].starts_with("قال مسؤولون أمنيون إن 12 شخصا قتلوا"),
        "{text}"
    );
    assert!(
        paras[1].contains("قرب سوق شعبي بوسط المدينة، فيما أصيب أكثر من 30 آخرين"),
        "{text}"
    );
    assert!(
        paras[3].starts_with("وأعلنت وزارة الداخلية نشر نحو 500 عنصر"),
        "{text}"
    );
    for noise in [
        "pageViews",
        "الرئيسية",
        "إعلان",
        "999",
        "تعليقات",
        "محفوظة",
        "اقرأ أيضا",
        "trackFooter",
    ] {
        assert!(!text.contains(noise), "{noise:?} leaked into {text}");
    }
    let doc = claims(&[p], &[]);
    let a = &doc["articles"][0];
    assert_eq!(a["title"], "مقتل 12 في انفجار بوسط المدينة");
    assert_eq!(a["outlet"], "أخبار اليوم");
    assert_eq!(a["published"], "2013-02-05T10:20:00+02:00");
    assert_eq!(a["url"], "https://akhbar.example/news/2013/02/05/blast");
    assert_eq!(a["lang"], "ar");
    // «12 killed» once: not again from the title, og: tags or scripts.
    let texts = claim_texts(&doc, "page");
    assert_eq!(
        texts.iter().filter(|t| t.contains("12")).count(),
        1,
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "أكثر من 30 آخرين"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "نحو 500 عنصر"), "{texts:?}");
}

#[test]
fn a_cp1256_page_and_plain_text_are_decoded() {
    let doc = claims(&[data("page-cp1256.html"), data("plain-cp1256.txt")], &[]);
    assert_eq!(doc["articles"][0]["title"], "وصول 2000 جندي إلى الحدود");
    assert!(claim_texts(&doc, "page-cp1256").contains(&"أكثر من 2000 جندي".to_owned()));
    assert_eq!(doc["articles"][1]["title"], "اعتقال 150 شخصا في حملة أمنية");
    assert!(claim_texts(&doc, "plain-cp1256").contains(&"نحو 150 شخصا".to_owned()));
    let text = render(&[data("page-cp1256.html")], &[]);
    assert!(
        !text.contains("الأرشيف") && !text.contains("حقوق النشر"),
        "{text}"
    );
}

#[test]
fn rss_and_atom_give_one_article_per_entry() {
    let doc = claims(&[data("feed.rss"), data("feed.atom")], &[]);
    let arts = doc["articles"].as_array().unwrap();
    let ids: Vec<&str> = arts.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "feed.rss#1",
            "feed.rss#2",
            "feed.rss#3",
            "feed.atom#1",
            "feed.atom#2"
        ]
    );
    assert_eq!(arts[0]["outlet"], "الشروق - أخبار عاجلة");
    assert_eq!(
        arts[0]["title"],
        "إصابة 25 في حادث تصادم على الطريق الصحراوي"
    );
    assert_eq!(arts[0]["published"], "2013-02-05T08:20:00+00:00");
    assert_eq!(arts[0]["url"], "https://shorouk.example/news/1");
    assert_eq!(arts[0]["origin"]["item"], "https://shorouk.example/news/1");
    assert_eq!(arts[3]["outlet"], "بي بي سي عربي");
    assert_eq!(arts[3]["origin"]["item"], "urn:example:bbc:1");
    assert_eq!(claim_texts(&doc, "feed.rss#2"), ["31 شخصا"]);
    assert!(claim_texts(&doc, "feed.atom#1").contains(&"10 اشخاص".to_owned()));
    // The script inside an entry's HTML is not text.
    let text = render(&[data("feed.rss")], &[]);
    assert!(!text.contains("alert"), "{text}");
    assert!(
        text.contains("==> feed.rss → https://shorouk.example/news/2 <=="),
        "{text}"
    );
}

#[test]
fn a_jsonl_and_a_csv_corpus_with_their_columns() {
    let doc = claims(&[data("corpus.jsonl")], &[]);
    let arts = doc["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 3);
    assert_eq!(arts[0]["id"], "ahram-101");
    assert_eq!(arts[0]["outlet"], "الأهرام");
    assert_eq!(arts[0]["published"], "2013-02-05T09:00:00+00:00");
    assert_eq!(arts[1]["published"], "2013-02-05T11:30:00+02:00");
    assert_eq!(arts[2]["id"], "corpus.jsonl#3");
    assert_eq!(arts[2]["origin"]["item"], "line 3");
    assert!(claim_texts(&doc, "masry-7").contains(&"نحو 2000 جندي".to_owned()));
    // Other column names: refused with a hint, then read with --columns.
    let o = qarin(&["claims"], &[data("corpus.csv")]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("corpus.csv: row 2: no text column") && err.contains("--columns"),
        "{err}"
    );
    let doc = claims(
        &[data("corpus.csv")],
        &[
            "--columns",
            "text=article_text,title=headline,outlet=newspaper,published=date_publish,url=link",
        ],
    );
    let arts = doc["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0]["outlet"], "اليوم السابع");
    assert_eq!(arts[0]["title"], "ضبط 300 كيلوغرام من المخدرات");
    assert_eq!(arts[1]["url"], "https://watan.example/2");
}

#[test]
fn hard_wrapped_text_keeps_a_qualifier_across_lines() {
    let p = data("wrapped.txt");
    let doc = claims(std::slice::from_ref(&p), &[]);
    assert!(claim_texts(&doc, "wrapped").contains(&"أكثر من 2000 جندي".to_owned()));
    let text = render(std::slice::from_ref(&p), &[]);
    assert_eq!(text.lines().count(), 3, "{text}");
    // Forced line by line, the qualifier is cut off.
    let doc = claims(&[p], &["--paragraphs", "line"]);
    assert!(
        !claim_texts(&doc, "wrapped")
            .iter()
            .any(|t| t.contains("أكثر من"))
    );
}

#[test]
fn front_matter_gives_metadata_and_is_not_text() {
    let doc = claims(&[data("front.md")], &[]);
    let a = &doc["articles"][0];
    assert_eq!(a["title"], "حصيلة الاحتجاجات: 164 قتيلا");
    assert_eq!(a["outlet"], "وكالة الأنباء");
    assert_eq!(a["published"], "2022-01-09T12:00:00+06:00");
    assert_eq!(a["url"], "https://agency.example/kz/164");
    let text = render(&[data("front.md")], &[]);
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn two_files_of_the_same_name_are_two_sources_and_one_file_twice_is_one() {
    let dir = data("nested");
    let once = claims(std::slice::from_ref(&dir), &[]);
    let ids: Vec<&str> = once["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["alex/same", "cairo/same"]);
    assert_eq!(once["articles"][0]["outlet"], "alex");
    assert_eq!(once["articles"][0]["published_guess"], true);
    let twice = claims(&[dir.clone(), dir.join("alex/same.txt")], &[]);
    assert_eq!(
        twice["claims"], once["claims"],
        "the same file twice doubles nothing"
    );
}

#[test]
fn a_layout_template_gives_outlet_time_and_id() {
    let d = tempfile::tempdir().unwrap();
    let f = d
        .path()
        .join("shorouknews/accidents/23/2013-02-07 10:50:00#178b8262.txt");
    std::fs::create_dir_all(f.parent().unwrap()).unwrap();
    std::fs::copy(data("nested/cairo/same.txt"), &f).unwrap();
    let layout = "{outlet}/**/{published:%Y-%m-%d %H:%M:%S}#{id}.txt";
    let doc = claims(
        &[d.path().to_path_buf()],
        &["--layout", layout, "--utc-offset", "+02:00"],
    );
    let a = &doc["articles"][0];
    assert_eq!(a["id"], "178b8262");
    assert_eq!(a["outlet"], "shorouknews");
    assert_eq!(a["published"], "2013-02-07T10:50:00+02:00");
    // From the config file too; a file that does not fit is named in a warning.
    std::fs::write(d.path().join("shorouknews/readme.txt"), "ملاحظات\n").unwrap();
    let cfg = d.path().join("cfg");
    std::fs::create_dir_all(cfg.join("qarin")).unwrap();
    std::fs::write(
        cfg.join("qarin/config.toml"),
        format!("[corpus]\nlayout = \"{layout}\"\n"),
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_qarin"))
        .args(["claims", "--format", "json"])
        .arg(d.path().join("shorouknews"))
        .arg(d.path())
        .env("XDG_CONFIG_HOME", &cfg)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    // Under `shorouknews/` itself the first folder is `accidents`; under the top, the
    // outlet; the one file twice is read once.
    let arts = doc["articles"].as_array().unwrap();
    let outlets: Vec<&str> = arts.iter().map(|a| a["outlet"].as_str().unwrap()).collect();
    assert_eq!(outlets, ["accidents", ""], "{err}");
    assert_eq!(arts[0]["published"], "2013-02-07T10:50:00+00:00");
    assert!(err.contains("1 file did not fit the layout"), "{err}");
    assert!(err.contains("is the same file as"), "{err}");
    let bad = qarin(
        &["claims", "--layout", "{who}/x.txt"],
        &[d.path().to_path_buf()],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown field \"who\""));
}

#[test]
fn piped_standard_input_is_read_when_no_path_is_given() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_qarin"))
        .args([
            "render", "--bidi", "terminal", "--shape", "off", "--align", "none", "--width", "1000",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("<html><body><article><p>نص من الأنبوب فيه 12 كلمة على الأقل لكي يكون مقالا مقروءا كاملا وطويلا بما يكفي للاستخراج.</p></article></body></html>".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("نص من الأنبوب"), "{text}");
}

#[test]
fn bad_inputs_name_the_file_and_exit_2() {
    let d = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "broken.jsonl",
            b"{\"text\": \"a\"}\n{oops\n",
            "broken.jsonl: line 2: not a JSON object",
        ),
        (
            "bad.rss",
            b"<?xml version=\"1.0\"?><rss><channel><item>",
            "bad.rss: not a valid RSS or Atom feed",
        ),
        (
            "bad.md",
            b"---\ndate: someday\n---\ntext\n",
            "bad.md: front matter",
        ),
        ("bin.txt", b"ab\0cd", "bin.txt: binary file"),
    ];
    for (name, bytes, want) in cases {
        let p = d.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let o = qarin(&["claims"], &[p]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(want), "{name}: {err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn control_bytes_in_metadata_never_reach_the_terminal() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("evil.html");
    std::fs::write(
        &p,
        "<html><head><title>x&#27;[2J\u{1b}]0;pwn\u{7}</title><meta property=\"og:site_name\" content=\"s&#x9b;31m\"></head><body><article><p>نص المقال الطويل بما يكفي ليقرأ كاملا دون مشكلة في أي طرفية كانت هنا 12 مرة.</p></article></body></html>",
    )
    .unwrap();
    for args in [
        &["claims"][..],
        &["claims", "--format", "markdown"],
        &["render"],
    ] {
        let o = qarin(args, std::slice::from_ref(&p));
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(
            !o.stdout.iter().any(|&b| b == 0x1b || b == 0x07)
                && !String::from_utf8_lossy(&o.stdout).contains('\u{9b}'),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stdout)
        );
    }
}

#[test]
fn the_reader_shows_outlets_and_times_of_a_laid_out_folder() {
    let d = tempfile::tempdir().unwrap();
    for (outlet, name, src) in [
        (
            "shorouknews",
            "accidents/23/2013-02-07 10:50:00#aa.txt",
            "nested/cairo/same.txt",
        ),
        (
            "almasryalyoum",
            "8/2013-02-06 14:04:00#bb.txt",
            "nested/alex/same.txt",
        ),
    ] {
        let f = d.path().join(outlet).join(name);
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        std::fs::copy(data(src), &f).unwrap();
    }
    let layout = "{outlet}/**/{published:%Y-%m-%d %H:%M:%S}#{id}.txt";
    let snap = |keys: &str| {
        let o = qarin(
            &[
                "snapshot", "--size", "140x12", "--layout", layout, "--keys", keys,
            ],
            &[d.path().to_path_buf()],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let library = snap("l");
    for want in [
        "almasryalyoum",
        "shorouknews",
        "2013-02-06 14:04",
        "2013-02-07 10:50",
    ] {
        assert!(library.contains(want), "{want} not in\n{library}");
    }
    let compare = snap("s");
    assert!(
        compare.contains("almasryalyoum · 2013-02-06")
            && compare.contains("shorouknews · 2013-02-07"),
        "{compare}"
    );
    let table = snap("c");
    assert!(
        table.contains("almasryalyoum") || table.contains("shorouknews"),
        "{table}"
    );
}
