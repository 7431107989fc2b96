//! URLs (issue 11): pages and a feed served by a small HTTP server on 127.0.0.1 started
//! by the test — fetching, the cache and its revalidation, reading offline, a 404, a
//! timeout and a redirect loop, and `qarin update` over a feeds file.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

struct Server {
    base: String,
    stop: Arc<AtomicBool>,
    /// Requests that carried `If-None-Match: "v1"` and were answered 304.
    revalidated: Arc<AtomicUsize>,
    thread: Option<std::thread::JoinHandle<()>>,
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/inputs")
            .join(name),
    )
    .unwrap()
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let stop = Arc::new(AtomicBool::new(false));
        let revalidated = Arc::new(AtomicUsize::new(0));
        let (s, r) = (stop.clone(), revalidated.clone());
        let thread = std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let r = r.clone();
                std::thread::spawn(move || serve(conn, &r));
            }
        });
        Server {
            base,
            stop,
            revalidated,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Stops accepting: later connections are refused.
    fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}

fn serve(mut conn: TcpStream, revalidated: &AtomicUsize) {
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut etag_match = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        let l = line.to_ascii_lowercase();
        if l.starts_with("if-none-match:") && l.contains("\"v1\"") {
            etag_match = true;
        }
    }
    let (status, headers, body): (&str, Vec<String>, Vec<u8>) = match path.as_str() {
        "/page.html" if etag_match => {
            revalidated.fetch_add(1, Ordering::SeqCst);
            ("304 Not Modified", vec!["ETag: \"v1\"".into()], vec![])
        }
        "/page.html" => (
            "200 OK",
            vec![
                "Content-Type: text/html; charset=utf-8".into(),
                "ETag: \"v1\"".into(),
                "Last-Modified: Tue, 05 Feb 2013 10:00:00 GMT".into(),
            ],
            fixture("page.html"),
        ),
        "/old.html" => (
            "200 OK",
            vec!["Content-Type: text/html".into()],
            fixture("page-cp1256.html"),
        ),
        "/feed.rss" => (
            "200 OK",
            vec!["Content-Type: application/rss+xml".into()],
            fixture("feed.rss"),
        ),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(6));
            ("200 OK", vec![], b"late".to_vec())
        }
        "/loop" => ("302 Found", vec!["Location: /loop2".into()], vec![]),
        "/loop2" => ("302 Found", vec!["Location: /loop".into()], vec![]),
        _ => ("404 Not Found", vec![], b"no such page".to_vec()),
    };
    let mut resp = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for h in headers {
        resp += &h;
        resp += "\r\n";
    }
    resp += "\r\n";
    let _ = conn.write_all(resp.as_bytes());
    let _ = conn.write_all(&body);
}

fn qarin(cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qarin"))
        .args(args)
        .env("QARIN_CACHE_DIR", cache)
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn fetch_cache_offline_and_failures() {
    let mut server = Server::start();
    let cache = tempfile::tempdir().unwrap();
    let c = cache.path();
    let (page, feed, old) = (
        server.url("/page.html"),
        server.url("/feed.rss"),
        server.url("/old.html"),
    );

    // Fetched and read: the page's article with its metadata, the feed's entries.
    let o = qarin(c, &["claims", "--format", "json", &page, &feed, &old]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let arts = doc["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 5, "{out}");
    assert_eq!(
        arts[0]["url"],
        "https://akhbar.example/news/2013/02/05/blast"
    );
    assert_eq!(arts[0]["origin"]["path"], page);
    assert_eq!(arts[1]["outlet"], "الشروق - أخبار عاجلة");
    assert_eq!(arts[1]["origin"]["item"], "https://shorouk.example/news/1");
    // The cp1256 page without an outlet of its own: the host; its URL as given.
    assert_eq!(arts[4]["title"], "وصول 2000 جندي إلى الحدود");
    assert_eq!(arts[4]["url"], old);
    assert_eq!(arts[4]["outlet"], server.base.trim_start_matches("http://"));

    // Again: revalidated with the ETag, not downloaded.
    let o = qarin(c, &["fetch", &page]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("not modified"), "{out}");
    assert_eq!(server.revalidated.load(Ordering::SeqCst), 1);

    // A 404, a timeout and a redirect loop: each URL named with why, exit 2.
    let missing = server.url("/missing");
    let o = qarin(c, &["claims", &missing]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o)
            .1
            .contains(&format!("{missing}: HTTP 404 Not Found")),
        "{}",
        text(&o).1
    );
    let slow = server.url("/slow");
    let t = Instant::now();
    let o = qarin(c, &["claims", "--timeout", "1", &slow]);
    assert_eq!(o.status.code(), Some(2));
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    assert!(
        text(&o).1.contains(&format!("{slow}: timed out after 1 s")),
        "{}",
        text(&o).1
    );
    let lp = server.url("/loop");
    let o = qarin(c, &["claims", &lp]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("too many redirects"), "{}", text(&o).1);
    // `fetch` goes on after a failure and says which URL failed.
    let o = qarin(c, &["fetch", &missing, &feed]);
    assert_eq!(o.status.code(), Some(2));
    let (out, err) = text(&o);
    assert!(
        out.contains(&format!("{missing}: HTTP 404"))
            && out.contains(&format!("{feed}: downloaded")),
        "{out}"
    );
    assert!(err.contains("1 of 2 URLs failed"), "{err}");

    // The server gone: read from the cache, with a warning; `--offline` asks nothing.
    server.stop();
    let o = qarin(c, &["claims", "--format", "json", &page]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("read the copy cached at"), "{err}");
    assert!(out.contains("akhbar.example/news/2013/02/05/blast"));
    let o = qarin(c, &["render", "--offline", &feed]);
    assert!(o.status.success(), "{}", text(&o).1);
    assert!(text(&o).1.is_empty(), "{}", text(&o).1);
    let o = qarin(c, &["render", "--offline", &server.url("/never")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("not in the cache, and offline"));
}

#[test]
fn update_refreshes_the_feeds_file() {
    let server = Server::start();
    let d = tempfile::tempdir().unwrap();
    let feeds = d.path().join("urls");
    std::fs::write(
        &feeds,
        format!(
            "# my feeds\n{} news \"arabic press\"\n{} other\n",
            server.url("/feed.rss"),
            server.url("/page.html")
        ),
    )
    .unwrap();
    let f: PathBuf = feeds.clone();
    let o = qarin(
        d.path(),
        &[
            "update",
            "--feeds",
            f.to_str().unwrap(),
            "--tag",
            "arabic press",
        ],
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("/feed.rss: downloaded"), "{out}");
    let o = qarin(d.path(), &["update", "--feeds", f.to_str().unwrap()]);
    assert_eq!(text(&o).0.lines().count(), 2);
    std::fs::write(&feeds, "not a url\n").unwrap();
    let o = qarin(d.path(), &["update", "--feeds", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o)
            .1
            .contains("urls: line 1: \"not\" is not an http(s) URL"),
        "{}",
        text(&o).1
    );
}
