//! Eight real `qarin bookmarks add` streams at once: the lock and the re-read under it
//! must make every add land, with distinct ids.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Barrier};

use qarin::bookmarks::Store;

const WRITERS: usize = 8;
const ADDS: usize = 50;

#[test]
fn eight_processes_adding_fifty_each_end_with_four_hundred() {
    let data = tempfile::tempdir().unwrap();
    // Paragraph 6 of this seed is short: a smaller file keeps 400 debug-build adds quick.
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/001_e0453aed4e23fb67.txt");
    let start = Arc::new(Barrier::new(WRITERS));
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let data = data.path().to_path_buf();
            let article = article.clone();
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                start.wait();
                (0..ADDS)
                    .map(|i| {
                        let o = Command::new(env!("CARGO_BIN_EXE_qarin"))
                            .env("QARIN_DATA_DIR", &data)
                            .args(["bookmarks", "add"])
                            .arg(&article)
                            .args(["--paragraph", "6", "--note", &format!("w{w} n{i}")])
                            .output()
                            .expect("spawn qarin");
                        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
                        let id: u64 = String::from_utf8_lossy(&o.stdout)
                            .trim()
                            .parse()
                            .expect("an id");
                        (id, format!("w{w} n{i}"))
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut reported = Vec::new();
    for w in writers {
        reported.extend(w.join().expect("writer thread"));
    }

    let file = Store::in_dir(data.path()).load().expect("file parses");
    assert_eq!(file.bookmarks.len(), WRITERS * ADDS);
    let ids: BTreeSet<u64> = file.bookmarks.iter().map(|b| b.id).collect();
    assert_eq!(ids, (1..=(WRITERS * ADDS) as u64).collect());
    // Every id a process printed is in the file, holding that process's note.
    assert_eq!(reported.len(), WRITERS * ADDS);
    for (id, note) in reported {
        assert_eq!(
            file.get(id).and_then(|b| b.note.as_deref()),
            Some(note.as_str())
        );
    }
    assert_eq!(file.next_id, (WRITERS * ADDS) as u64 + 1);
}
