//! The bookmarks file (`bookmarks.json`) and reading-state file (`state.json`) parsers
//! over arbitrary bytes, through the real store: a file that does not parse is refused
//! with its path and left untouched; one that parses can be listed, re-anchored in an
//! article and shown, with nothing unsafe for a terminal in what is shown.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use qarin::bookmarks::display::safe_line;
use qarin::bookmarks::{ReadingState, Session, Store, reanchor};
use qarin::corpus::{self, Article};

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("qarin-fuzz-bookmarks-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("fuzz temp dir");
        d
    })
}

fn article() -> &'static Article {
    static A: OnceLock<Article> = OnceLock::new();
    A.get_or_init(|| corpus::seeds().swap_remove(3))
}

fn shown_safe(s: &str) {
    let line = safe_line(s);
    assert!(!line.chars().any(|c| c.is_control()), "control in {line:?}");
    assert!(!line.chars().any(qarin::bookmarks::display::is_bidi_control));
}

fuzz_target!(|data: &[u8]| {
    let dir = dir();
    let path = dir.join("bookmarks.json");
    std::fs::write(&path, data).expect("write bookmarks.json");
    std::fs::write(dir.join("state.json"), data).expect("write state.json");

    let store = Store::in_dir(dir);
    match store.load() {
        Ok(file) => {
            let art = article();
            for bm in &file.bookmarks {
                let anchor = reanchor(bm, &art.paragraphs);
                let _ = (anchor.status(), anchor.flagged(), anchor.location());
                shown_safe(&bm.text);
                shown_safe(bm.note.as_deref().unwrap_or(""));
                shown_safe(&bm.article.title);
            }
            let session = Session::open(Store::in_dir(dir));
            assert!(session.read_only().is_none(), "loaded once, refused now");
            let _ = session.of_article(art);
            let _ = session.marked_paragraphs(art);
        }
        Err(e) => {
            assert!(e.to_string().contains("bookmarks.json"), "error without the file: {e}");
            // Never overwritten: the bytes are still there.
            assert_eq!(std::fs::read(&path).expect("read back"), data, "bad file changed");
        }
    }
    let state = ReadingState::in_dir(dir);
    let _ = state.position("seeds/003", article().hash());
});
