//! `qarin completions SHELL` and `qarin man`: generated from the clap definition, so
//! they never drift from the real flags.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::output;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Writes the completion script of `cmd` for `shell` to stdout.
pub fn completions(mut cmd: clap::Command, args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut buf = Vec::new();
    let name = cmd.get_name().to_owned();
    clap_complete::generate(args.shell, &mut cmd, name, &mut buf);
    print(&buf)
}

/// Writes the man page (roff) of `cmd` and its subcommands to stdout.
pub fn man(cmd: clap::Command) -> anyhow::Result<ExitCode> {
    let mut buf = Vec::new();
    let cmd = cmd.version(env!("CARGO_PKG_VERSION"));
    let page = clap_mangen::Man::new(cmd.clone());
    page.render_title(&mut buf)?;
    page.render_name_section(&mut buf)?;
    page.render_synopsis_section(&mut buf)?;
    page.render_description_section(&mut buf)?;
    page.render_options_section(&mut buf)?;
    render_subcommands(&mut buf, &cmd)?;
    page.render_extra_section(&mut buf)?;
    page.render_version_section(&mut buf)?;
    page.render_authors_section(&mut buf)?;
    print(&buf)
}

/// One section per subcommand (clap_mangen lists only their names), with their options
/// and examples, so `man qarin` documents every flag.
fn render_subcommands(out: &mut Vec<u8>, cmd: &clap::Command) -> std::io::Result<()> {
    let visible: Vec<&clap::Command> = cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .collect();
    if visible.is_empty() {
        return Ok(());
    }
    writeln!(out, ".SH COMMANDS")?;
    for sub in visible {
        let mut sub = sub.clone().bin_name(format!("qarin {}", sub.get_name()));
        sub.build();
        writeln!(out, ".SS \"qarin {}\"", sub.get_name())?;
        if let Some(about) = sub.get_about() {
            writeln!(out, "{}", roff_text(&about.to_string()))?;
        }
        let usage = sub.render_usage().to_string();
        writeln!(
            out,
            ".PP\n.B {}",
            roff_text(usage.trim_start_matches("Usage: "))
        )?;
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            let mut names = Vec::new();
            if let Some(s) = arg.get_short() {
                names.push(format!("-{s}"));
            }
            if let Some(l) = arg.get_long() {
                names.push(format!("--{l}"));
            }
            if names.is_empty() {
                names.push(format!("<{}>", arg.get_id().as_str().to_uppercase()));
            }
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            writeln!(out, ".TP\n{}", roff_text(&names.join(", ")))?;
            let mut text = help;
            if !values.is_empty() && arg.get_num_args().is_none_or(|n| n.max_values() != 0) {
                text.push_str(&format!(" [possible values: {}]", values.join(", ")));
            }
            writeln!(out, "{}", roff_text(&text))?;
        }
        for nested in sub.get_subcommands().filter(|c| c.get_name() != "help") {
            writeln!(
                out,
                ".TP\n{} {}",
                roff_text(sub.get_name()),
                roff_text(nested.get_name())
            )?;
            if let Some(about) = nested.get_about() {
                writeln!(out, "{}", roff_text(&about.to_string()))?;
            }
        }
        if let Some(after) = sub.get_after_help() {
            writeln!(out, ".PP")?;
            for line in after.to_string().lines() {
                writeln!(out, "{}\n.br", roff_text(line))?;
            }
        }
    }
    Ok(())
}

/// Text safe in a roff line: backslashes and hyphens escaped, no line starting with a
/// control character.
fn roff_text(s: &str) -> String {
    let mut out = s.replace('\\', "\\e").replace('-', "\\-");
    if out.starts_with('.') || out.starts_with('\'') {
        out.insert_str(0, "\\&");
    }
    out
}

fn print(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    let mut out = output::stdout();
    let written = out.write_all(bytes).map_err(anyhow::Error::from);
    output::finish(&mut out, written)?;
    Ok(ExitCode::SUCCESS)
}
