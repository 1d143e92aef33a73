//! `hirelint match RESUME --posting FILE`: the resume against a job posting.

use super::args::{MatchArgs, MatchFormat};
use super::exit::ExitStatus;
use super::lint::posting_for;
use super::{display_path, use_color, write_stderr, write_stdout};
use crate::config::resolve::Overrides;
use crate::fs;
use crate::output;
use crate::workspace::{self, Postings, Workspace};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub fn run(args: &MatchArgs) -> ExitStatus {
    let color_err = use_color(std::io::stderr().is_terminal());
    let mut ws = match Workspace::new(args.config.as_deref(), Overrides::default()) {
        Ok(ws) => ws,
        Err(errors) => {
            for e in &errors {
                write_stderr(&output::text::render_config_error(e, color_err));
            }
            return ExitStatus::Error;
        }
    };
    let stdin = args.resume.as_os_str() == "-";
    let named = if stdin {
        args.stdin_filename
            .clone()
            .unwrap_or_else(|| PathBuf::from("-"))
    } else {
        args.resume.clone()
    };
    let display = display_path(&named);
    let source = if stdin {
        fs::read_stdin()
    } else {
        fs::read_source(&args.resume)
    };
    let source = match source {
        Ok(s) => s,
        Err(e) => {
            write_stderr(&format!("error: {display}: {e}"));
            return ExitStatus::Error;
        }
    };
    let resolved = match ws.resolve(&named) {
        Ok(r) => r,
        Err(_) => {
            for e in ws.take_errors() {
                write_stderr(&output::text::render_config_error(&e, color_err));
            }
            return ExitStatus::Error;
        }
    };
    let postings = Postings::default();
    let Ok(cli_posting) = super::load_posting(&postings, args.posting.as_deref()) else {
        return ExitStatus::Error;
    };
    let base = named.parent().map(Path::to_path_buf).unwrap_or_default();
    let posting = match posting_for(&source, &base, &resolved, &postings, cli_posting.as_ref()) {
        Ok(Some(p)) => p,
        Ok(None) => {
            write_stderr(&format!(
                "error: {display}: no posting to match against\n  help: pass --posting FILE, or set `posting:` in the front matter or `posting = \"FILE\"` in .hirelint.toml"
            ));
            return ExitStatus::Error;
        }
        Err(message) => {
            write_stderr(&format!("error: {message}"));
            return ExitStatus::Error;
        }
    };
    let file_name = named.file_name().map(|n| n.to_string_lossy().into_owned());
    let report = workspace::lint(
        &source,
        file_name.as_deref(),
        &resolved,
        Some(&posting.posting),
    );
    let Some(matched) = report.posting else {
        write_stderr(&format!(
            "error: {display}: internal error while matching; please report this bug"
        ));
        return ExitStatus::Error;
    };
    let rendered = match args.format {
        MatchFormat::Json => output::matching::json(&display, &source, &posting, &matched),
        MatchFormat::Text => output::matching::text(&display, &source, &posting, &matched),
    };
    if let Err(e) = write_stdout(rendered.as_bytes()) {
        write_stderr(&format!("error: cannot write the report: {e}"));
        return ExitStatus::Error;
    }
    match args.fail_under {
        Some(n) if matched.score < n => ExitStatus::Failure,
        _ => ExitStatus::Success,
    }
}
