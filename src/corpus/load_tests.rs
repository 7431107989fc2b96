//! Tests of the loader (`load.rs`).

use super::*;

fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn loaded_text_splits_like_split_paragraphs_and_hashes_the_file() {
    let texts: [&[u8]; 6] = [
        b"a\r\nb\rc\n\nd\n",
        b"\xEF\xBB\xBFfirst\r\n\r\nlast",
        "دور روسيا\r\nالخ\r".as_bytes(),
        b"one long line without an ending at all",
        b"\r\r\n\n\r",
        b"",
    ];
    let (p, o) = (Path::new("x.txt"), LoadOptions::default());
    for text in texts {
        let whole = super::super::decode(p, text, &o).unwrap();
        let a = from_bytes(p, "x.txt", text.to_vec(), &o, Meta::default()).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(
            a[0].paragraphs,
            super::super::split_paragraphs(&whole)[..],
            "{text:?}"
        );
        assert_eq!(a[0].hash(), super::super::sha256_hex(text));
    }
}

#[test]
fn a_lossy_article_hashes_the_bytes_not_the_replaced_text() {
    let bytes = b"ok\nbad \xff\n";
    let o = LoadOptions {
        lossy: true,
        ..LoadOptions::default()
    };
    let a = from_bytes(
        Path::new("x.txt"),
        "x.txt",
        bytes.to_vec(),
        &o,
        Meta::default(),
    )
    .unwrap();
    assert_eq!(a[0].paragraphs, ["ok", "bad \u{fffd}"][..]);
    assert_eq!(a[0].hash(), super::super::sha256_hex(bytes));
}

#[test]
fn same_names_in_two_folders_are_two_articles_and_one_file_twice_is_one() {
    let d = tempfile::tempdir().unwrap();
    let a = write(d.path(), "one/x.txt", "أ 1\n");
    write(d.path(), "two/x.txt", "ب 2\n");
    let o = LoadOptions::default();
    let l = load(&[d.path().to_path_buf(), a.clone()], &o).unwrap();
    assert_eq!(l.articles.len(), 2, "{:?}", l.warnings);
    let ids: Vec<&str> = l.articles.iter().map(|a| a.id.as_str()).collect();
    assert_ne!(ids[0], ids[1]);
    assert!(
        ids[0].ends_with("one/x") && ids[1].ends_with("two/x"),
        "{ids:?}"
    );
    assert_eq!(l.articles[0].outlet, "one");
    assert!(l.articles[0].published.is_some_and(|p| p.guess));
    assert!(
        l.warnings.iter().any(|w| w.contains("same file")),
        "{:?}",
        l.warnings
    );
}

#[test]
fn layout_metadata_and_sidecar() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "cnn/mideast/3/2013-02-05 10:20:00#aa-1.txt",
        "عنوان\nنص\n",
    );
    write(d.path(), "bbc/2013-02-06 11:00:00#bb-2.txt", "عنوان ب\n");
    write(d.path(), "bbc/odd.txt", "x\n");
    write(
        d.path(),
        "bbc/articles.toml",
        "[articles.\"odd.txt\"]\ntitle = \"فردي\"\nurl = \"https://x.test/a\"\n",
    );
    let t = super::super::Template::parse(
        "{outlet}/**/{published:%Y-%m-%d %H:%M:%S}#{id}.txt",
        chrono::FixedOffset::east_opt(0).unwrap(),
    )
    .unwrap();
    let o = LoadOptions {
        layout: Some(t),
        ..LoadOptions::default()
    };
    let l = load(&[d.path().to_path_buf()], &o).unwrap();
    let by: Vec<(&str, &str, Option<String>)> = l
        .articles
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.outlet.as_str(),
                a.published.map(|p| p.short()),
            )
        })
        .collect();
    assert_eq!(by[0], ("bb-2", "bbc", Some("2013-02-06 11:00".into())));
    assert_eq!(by[2], ("aa-1", "cnn", Some("2013-02-05 10:20".into())));
    assert_eq!(l.articles[1].title, "فردي");
    assert_eq!(l.articles[1].url.as_deref(), Some("https://x.test/a"));
    assert!(l.articles[1].published.unwrap().guess);
    assert!(
        l.warnings.iter().any(|w| w.contains("1 file did not fit")),
        "{:?}",
        l.warnings
    );
}
