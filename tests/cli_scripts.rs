//! qarin in scripts and pipes, run as the real binary: logical text in pipes, widths,
//! CSV and JSON Lines parsed back, exit codes, the typo suggestion, help texts, bash
//! completions sourced in bash, the man page through `man -l`, `config path|default`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Std;

use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

fn qarin() -> Command {
    let mut c = Command::cargo_bin("qarin").unwrap_or_else(|e| panic!("{e}"));
    c.env_remove("COLUMNS");
    c
}

fn run(c: &mut Command) -> (i32, String, String) {
    let out = c.output().unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn stdout(c: &mut Command) -> String {
    let (code, out, err) = run(c);
    assert_eq!(code, 0, "{err}");
    out
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("qarin")
}

/// Twelve articles (the five seeds, copied under other ids): a table too wide for
/// any terminal if each source got a column.
fn twelve(dir: &Path) -> PathBuf {
    let seeds: Vec<PathBuf> = std::fs::read_dir("seeds")
        .unwrap_or_else(|e| panic!("{e}"))
        .map(|e| e.unwrap_or_else(|e| panic!("{e}")).path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    let out = dir.join("twelve");
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{e}"));
    for i in 0..12 {
        let src = &seeds[i % seeds.len()];
        std::fs::copy(src, out.join(format!("{i:03}_copy.txt"))).unwrap_or_else(|e| panic!("{e}"));
    }
    out
}

fn max_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

#[test]
fn piped_claims_are_greppable_in_arabic() {
    // Into a pipe: logical order, unshaped, so grep finds the words as typed.
    let sh = format!("'{}' claims | grep القتلى", bin().display());
    let out = Std::new("sh")
        .args(["-c", &sh])
        .env_remove("COLUMNS")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "grep found nothing");
    assert!(text.lines().count() >= 2, "{text}");
    // Markdown too.
    let md = stdout(qarin().args(["claims", "--format", "markdown"]));
    assert!(md.contains("| القتلى |"), "{md}");
    // Asked for, the pipe gets the visual, shaped table instead.
    let visual = stdout(qarin().args(["claims", "--bidi", "app", "--shape", "on"]));
    assert!(!visual.contains("القتلى"), "{visual}");
    assert!(visual.contains("ﻰﻠﺘﻘﻟﺍ"), "{visual}");
}

#[test]
fn widths_come_from_flag_columns_else_80_and_cells_wrap() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = twelve(tmp.path());
    let default = stdout(qarin().arg("claims").arg(&dir));
    assert!(max_width(&default) <= 80, "{default}");
    assert!(default.contains("القتلى"), "{default}");
    let columns = stdout(qarin().env("COLUMNS", "50").arg("claims").arg(&dir));
    assert!(max_width(&columns) <= 50, "{columns}");
    assert!(max_width(&columns) > 30, "{columns}");
    let flag = stdout(
        qarin()
            .env("COLUMNS", "50")
            .args(["claims", "--width", "150"])
            .arg(&dir),
    );
    assert!(max_width(&flag) <= 150 && max_width(&flag) > 50, "{flag}");
    // Seeds: few sources, a grid whose long cells wrap onto more lines.
    let wide = stdout(qarin().args(["claims", "--width", "160"]));
    let narrow = stdout(qarin().args(["claims", "--width", "70"]));
    assert!(max_width(&narrow) <= 70, "{narrow}");
    assert!(narrow.lines().count() > wide.lines().count());
    assert!(
        narrow.contains("│") && narrow.contains("✗ تعارض"),
        "{narrow}"
    );
    // `render` honours COLUMNS as fribidi does.
    let render = stdout(
        qarin()
            .env("COLUMNS", "30")
            .args(["render", "seeds/000_4af10400c2144222.txt"]),
    );
    assert!(
        max_width(&render) <= 30 && max_width(&render) > 20,
        "{render}"
    );
}

#[test]
fn terminal_width_is_used_when_stdout_is_a_terminal() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = twelve(tmp.path());
    let socket = format!("qarin-cli-width-{}", std::process::id());
    let done = tmp.path().join("done");
    let script = format!(
        "unset COLUMNS; '{}' claims '{}'; touch '{}'; sleep 30",
        bin().display(),
        dir.display(),
        done.display()
    );
    let tmux = |args: &[&str]| {
        Std::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("tmux: {e}"))
    };
    let started = tmux(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-x",
        "64",
        "-y",
        "200",
        "sh",
        "-c",
        &script,
    ]);
    assert!(started.status.success(), "{started:?}");
    for _ in 0..100 {
        if done.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // -J joins lines the terminal wrapped: a line wider than the pane would show.
    let shot = tmux(&["capture-pane", "-p", "-J", "-S", "-"]);
    let _ = tmux(&["kill-server"]);
    assert!(done.exists(), "qarin did not finish");
    let text = String::from_utf8_lossy(&shot.stdout);
    assert!(text.contains("verdict"), "{text}");
    assert!(max_width(&text) <= 64, "{text}");
}

#[test]
fn csv_parses_back_with_the_csv_crate() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(qarin().args(["claims", "--format", "json"])))
            .unwrap_or_else(|e| panic!("{e}"));
    let claims = json["claims"].as_array().cloned().unwrap_or_default();
    let text = stdout(qarin().args(["claims", "--format", "csv"]));
    let (headers, rows) = common::read_csv(&text);
    assert_eq!(headers[0], "claim");
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap_or(usize::MAX);
    assert_eq!(rows.len(), claims.len());
    for (row, claim) in rows.iter().zip(&claims) {
        assert_eq!(row.get(col("text")), claim["text"].as_str());
        assert_eq!(row.get(col("article")), claim["article"].as_str());
        let value: f64 = row[col("value")].parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(Some(value), claim["value"].as_f64());
    }
    assert!(rows.iter().any(|r| &r[col("verdict")] == "conflict"));
    // The sentence column holds commas and Arabic, quoted correctly.
    assert!(rows.iter().any(|r| r[col("sentence")].contains('،')));
}

#[test]
fn jsonl_is_one_object_per_line_with_a_versioned_header() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(qarin().args(["claims", "--format", "json"])))
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["version"], 1);
    let text = stdout(qarin().args(["claims", "--format", "jsonl"]));
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(lines[0]["type"], "header");
    assert_eq!(lines[0]["version"], 1);
    let count = |t: &str| lines.iter().filter(|l| l["type"] == t).count();
    let len = |k: &str| json[k].as_array().map_or(0, Vec::len);
    assert_eq!(count("article"), len("articles"));
    assert_eq!(count("claim"), len("claims"));
    assert_eq!(count("group"), len("groups"));
}

#[test]
fn a_mistyped_subcommand_suggests_the_right_one() {
    for (typo, meant) in [
        ("claim", "claims"),
        ("rendr", "render"),
        ("bookmark", "bookmarks"),
    ] {
        let (code, out, err) = run(qarin().arg(typo));
        assert_eq!(code, 2, "{typo}");
        assert!(out.is_empty());
        assert!(
            err.contains(&format!("similar subcommand exists: '{meant}'")),
            "{err}"
        );
    }
    // A file of that name is read, not corrected.
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(tmp.path().join("claim"), "قتل 5 أشخاص\n").unwrap_or_else(|e| panic!("{e}"));
    let (code, out, _) = run(qarin().current_dir(tmp.path()).args(["render", "claim"]));
    assert_eq!(code, 0);
    assert!(!out.is_empty());
}

#[test]
fn exit_codes_are_0_1_2() {
    assert_eq!(run(qarin().arg("claims")).0, 0);
    // The seeds conflict on troops and deaths.
    assert_eq!(run(qarin().args(["claims", "--exit-code"])).0, 1);
    assert_eq!(
        run(qarin().args(["claims", "--exit-code", "--format", "json"])).0,
        1
    );
    // One article cannot conflict with another.
    assert_eq!(
        run(qarin().args(["claims", "--exit-code", "seeds/000_4af10400c2144222.txt"])).0,
        0
    );
    let (code, _, err) = run(qarin().args(["claims", "no/such.txt"]));
    assert_eq!(code, 2);
    assert!(err.contains("no/such.txt"), "{err}");
    let (code, _, err) = run(qarin().args(["claims", "--format", "xml"]));
    assert_eq!(code, 2);
    assert!(err.contains("xml"), "{err}");
    assert_eq!(run(qarin().args(["render", "--width", "0"])).0, 2);
}

#[test]
fn help_names_environment_files_exit_codes_and_examples() {
    let main = stdout(qarin().arg("--help"));
    for needle in [
        "QARIN_DATA_DIR",
        "NO_COLOR",
        "XDG_CONFIG_HOME",
        "XDG_STATE_HOME",
        "COLUMNS",
        "qarin config path",
        "Exit status",
        "Examples:",
    ] {
        assert!(main.contains(needle), "{needle} missing:\n{main}");
    }
    // Every subcommand, as the binary lists them (nested ones too): two examples and
    // its exit status.
    let commands = subcommands(&[]);
    for known in [
        "render",
        "claims",
        "bookmarks list",
        "config path",
        "fetch",
        "update",
    ] {
        assert!(
            commands.iter().any(|c| c == known),
            "{known} not in {commands:?}"
        );
    }
    for cmd in &commands {
        let mut args: Vec<&str> = cmd.split(' ').collect();
        args.push("--help");
        let h = stdout(qarin().args(&args));
        let examples = h
            .split("Examples:")
            .nth(1)
            .unwrap_or_else(|| panic!("{cmd}: no examples\n{h}"));
        let n = examples
            .lines()
            .filter(|l| l.trim_start().starts_with("qarin "))
            .count();
        assert!(n >= 2, "{cmd}: {n} examples\n{h}");
        assert!(h.contains("Exit status: 0"), "{cmd}: no exit status\n{h}");
    }
    let remove = stdout(qarin().args(["bookmarks", "remove", "--help"]));
    assert!(
        remove.contains("id, as `qarin bookmarks list` shows it"),
        "{remove}"
    );
    let claims = stdout(qarin().args(["claims", "--help"]));
    assert!(!claims.contains("assets/"), "{claims}");
}

/// The subcommands under `path` (space-separated paths, depth first), read from the
/// "Commands:" section of its help; clap's own `help` left out.
fn subcommands(path: &[&str]) -> Vec<String> {
    let mut args = path.to_vec();
    args.push("--help");
    let h = stdout(qarin().args(&args));
    let mut out = Vec::new();
    let names: Vec<String> = h
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .filter(|n| n != "help")
        .collect();
    for name in names {
        let mut sub = path.to_vec();
        sub.push(&name);
        out.push(sub.join(" "));
        out.extend(subcommands(&sub));
    }
    out
}

#[test]
fn bash_completions_source_and_complete() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = tmp.path().join("qarin.bash");
    std::fs::write(&file, stdout(qarin().args(["completions", "bash"])))
        .unwrap_or_else(|e| panic!("{e}"));
    let script = format!(
        "set -e; source '{}'; complete -p qarin; \
         COMP_WORDS=(qarin cla); COMP_CWORD=1; COMP_LINE='qarin cla'; COMP_POINT=9; \
         _qarin qarin cla qarin; echo \"words: ${{COMPREPLY[*]}}\"; \
         COMP_WORDS=(qarin claims --format ''); COMP_CWORD=3; \
         _qarin qarin '' --format; echo \"formats: ${{COMPREPLY[*]}}\"",
        file.display()
    );
    let out = Std::new("bash")
        .args(["--norc", "--noprofile", "-c", &script])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("-F _qarin qarin"), "{text}");
    assert!(text.contains("words: claims"), "{text}");
    assert!(text.contains("csv") && text.contains("jsonl"), "{text}");
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let s = stdout(qarin().args(["completions", shell]));
        assert!(s.contains("claims"), "{shell}");
    }
}

#[test]
fn man_page_renders_without_warnings() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = tmp.path().join("qarin.1");
    std::fs::write(&file, stdout(qarin().arg("man"))).unwrap_or_else(|e| panic!("{e}"));
    let out = Std::new("man")
        .args(["--warnings", "-l"])
        .arg(&file)
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_FORMATTING", "0")
        .env("PAGER", "cat")
        .output()
        .unwrap_or_else(|e| panic!("man: {e}"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && err.trim().is_empty(), "{err}");
    let page = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "qarin claims",
        "--exit-code",
        "QARIN_DATA_DIR",
        "Exit status",
        "jsonl",
    ] {
        assert!(page.contains(needle), "{needle} missing:\n{page}");
    }
}

#[test]
fn config_path_and_default() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = stdout(
        qarin()
            .env("XDG_CONFIG_HOME", tmp.path())
            .args(["config", "path"]),
    );
    assert_eq!(Path::new(path.trim()), tmp.path().join("qarin/config.toml"));
    let state = stdout(
        qarin()
            .env_remove("QARIN_DATA_DIR")
            .env("XDG_STATE_HOME", tmp.path())
            .args(["config", "path", "state"]),
    );
    assert_eq!(Path::new(state.trim()), tmp.path().join("qarin"));
    // The default config is a working config: written there, the reader accepts it.
    let default = stdout(qarin().args(["config", "default"]));
    assert!(default.starts_with('#') && default.contains("[keys]"));
    std::fs::create_dir_all(tmp.path().join("qarin")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(tmp.path().join("qarin/config.toml"), &default)
        .unwrap_or_else(|e| panic!("{e}"));
    let snap = stdout(
        qarin()
            .env("XDG_CONFIG_HOME", tmp.path())
            .args(["snapshot", "--size", "60x10"]),
    );
    assert!(snap.contains('▌'), "{snap}");
    // And it is that file that is read: broken, the same command fails naming it.
    std::fs::write(tmp.path().join("qarin/config.toml"), "[keys]\nquit = 5\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = run(qarin()
        .env("XDG_CONFIG_HOME", tmp.path())
        .args(["snapshot", "--size", "60x10"]));
    assert_eq!(code, 2);
    assert!(err.contains("qarin/config.toml"), "{err}");
}
