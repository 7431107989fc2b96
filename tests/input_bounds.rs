//! Endless and special inputs through the real binary: `/dev/zero`, `/dev/urandom`, a
//! FIFO nobody writes to, an endless pipe into `-`. Each must end at once with a message
//! naming the input, never read to gigabytes or block.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(20);

/// Runs qarin with `args` and `stdin`, killing it after `LIMIT`; also returns its peak
/// resident memory in kB (from /proc while it runs).
fn run(args: &[&str], stdin: Stdio, env: &[(&str, &str)]) -> (Output, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qarin"))
        .args(args)
        .envs(env.iter().copied())
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn qarin");
    let status = format!("/proc/{}/status", child.id());
    let start = Instant::now();
    let mut peak = 0;
    while child.try_wait().expect("wait").is_none() {
        if let Ok(s) = std::fs::read_to_string(&status)
            && let Some(kb) = s
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        {
            peak = kb;
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("qarin {args:?} still running after {LIMIT:?} ({peak} kB)");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    (child.wait_with_output().expect("output"), peak)
}

fn refused(o: &Output, peak_kb: u64, names: &str, why: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains(names) && err.contains(why), "{err}");
    assert!(o.stdout.is_empty(), "nothing printed before the refusal");
    assert!(peak_kb < 200_000, "peak {peak_kb} kB");
}

const SUBCOMMANDS: [&[&str]; 4] = [
    &["render"],
    &["claims"],
    &["snapshot", "--size", "40x10"],
    &["render", "--lossy"],
];

#[test]
fn devices_as_articles_are_refused_by_name() {
    for sub in SUBCOMMANDS {
        for dev in ["/dev/zero", "/dev/urandom"] {
            let args: Vec<&str> = sub.iter().copied().chain([dev]).collect();
            let (o, peak) = run(&args, Stdio::null(), &[]);
            refused(&o, peak, dev, "character device");
        }
    }
}

#[test]
fn a_fifo_with_no_writer_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("article.txt");
    let ok = Command::new("mkfifo").arg(&fifo).status();
    assert!(ok.is_ok_and(|s| s.success()));
    let f = fifo.to_str().unwrap();
    for sub in SUBCOMMANDS {
        let args: Vec<&str> = sub.iter().copied().chain([f]).collect();
        let (o, peak) = run(&args, Stdio::null(), &[]);
        refused(&o, peak, "article.txt", "FIFO");
    }
}

#[test]
fn devices_piped_into_stdin_stop_at_the_first_bad_byte() {
    for sub in SUBCOMMANDS {
        let args: Vec<&str> = sub.iter().copied().chain(["-"]).collect();
        let zero = File::open("/dev/zero").unwrap();
        let (o, peak) = run(&args, zero.into(), &[]);
        refused(&o, peak, "-:", "NUL byte at offset 0");
        // Random bytes hold a NUL or a bad sequence within their first kilobytes.
        let random = File::open("/dev/urandom").unwrap();
        let (o, peak) = run(&args, random.into(), &[]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("NUL byte") || err.contains("invalid UTF-8") || err.contains("UTF-16"),
            "{err}"
        );
        refused(&o, peak, "-:", "");
    }
}

#[test]
fn an_endless_pipe_stops_at_the_configured_bound() {
    for sub in SUBCOMMANDS {
        let args: Vec<&str> = sub.iter().copied().chain(["-"]).collect();
        let mut child = Command::new(env!("CARGO_BIN_EXE_qarin"))
            .args(&args)
            .env("QARIN_STDIN_LIMIT", "8M")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut pipe = child.stdin.take().unwrap();
        // Valid Arabic text forever, until qarin closes its end.
        let feeder = std::thread::spawn(move || {
            let line = "قال المتحدث إن 2500 جندي وصلوا.\n".repeat(1000);
            while pipe.write_all(line.as_bytes()).is_ok() {}
        });
        let start = Instant::now();
        while child.try_wait().unwrap().is_none() {
            assert!(start.elapsed() < LIMIT, "{args:?} did not stop");
            std::thread::sleep(Duration::from_millis(10));
        }
        let o = child.wait_with_output().unwrap();
        feeder.join().unwrap();
        refused(&o, 0, "-:", "more than 8388608 bytes on standard input");
        assert!(String::from_utf8_lossy(&o.stderr).contains("QARIN_STDIN_LIMIT"));
    }
    // A bad bound is named.
    let (o, _) = run(
        &["render", "-"],
        Stdio::null(),
        &[("QARIN_STDIN_LIMIT", "lots")],
    );
    refused(&o, 0, "QARIN_STDIN_LIMIT", "\"lots\"");
    // Under the bound, stdin reads as before.
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/001_e0453aed4e23fb67.txt");
    let (o, _) = run(
        &["render", "-", "--width", "60"],
        File::open(&seed).unwrap().into(),
        &[("QARIN_STDIN_LIMIT", "1M")],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.len() > 1000);
}

#[test]
fn a_huge_snapshot_size_is_refused_and_the_largest_allowed_one_works() {
    for size in ["65535x65535", "1001x10", "10x1001"] {
        let (o, peak) = run(&["snapshot", "--size", size], Stdio::null(), &[]);
        refused(
            &o,
            peak,
            size,
            "too large: at most 1000 columns and 1000 rows",
        );
    }
    let (o, peak) = run(&["snapshot", "--size", "1000x1000"], Stdio::null(), &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1000);
    assert!(peak < 400_000, "1000x1000 took {peak} kB");
}

/// A config file with a bad byte deep in line 4 is reported at that line and column by
/// every subcommand that reads it (the `[corpus]` section reader said "cannot read" with
/// no place), and a config that is a FIFO is refused at once, not waited on.
#[test]
fn a_bad_config_is_reported_where_it_is_bad_and_a_fifo_config_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("qarin");
    std::fs::create_dir_all(&conf).unwrap();
    let file = conf.join("config.toml");
    std::fs::write(
        &file,
        b"# keys\n[keys]\nquit = [\"q\"]\nhelp = [\"\xff\"]\n",
    )
    .unwrap();
    let xdg = dir.path().display().to_string();
    let env = [("XDG_CONFIG_HOME", xdg.as_str())];
    let seed = dir.path().join("a.txt");
    std::fs::write(&seed, "عنوان\nنص\n").unwrap();
    let seed = seed.display().to_string();
    for args in SUBCOMMANDS {
        let mut args = args.to_vec();
        args.push(&seed);
        let (o, peak) = run(&args, Stdio::null(), &env);
        refused(
            &o,
            peak,
            "config.toml:4:10",
            "invalid UTF-8 (byte offset 36)",
        );
    }
    std::fs::remove_file(&file).unwrap();
    let status = Command::new("mkfifo").arg(&file).status();
    assert!(status.is_ok_and(|s| s.success()), "mkfifo");
    for args in SUBCOMMANDS {
        let mut args = args.to_vec();
        args.push(&seed);
        let (o, peak) = run(&args, Stdio::null(), &env);
        refused(&o, peak, "config.toml", "FIFO");
    }
}
