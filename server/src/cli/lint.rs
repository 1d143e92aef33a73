//! `hirelint lint [PATH|DIR|-]...`

use super::args::{LintArgs, OutputFormat};
use super::exit::ExitStatus;
use super::{display_path, use_color, write_stderr, write_stdout};
use crate::config::resolve::{Overrides, parse_selectors};
use crate::config::{ConfigError, Resolved};
use crate::fs::{self, ReadError};
use crate::output::{self, FileReport};
use crate::workspace::{self, LoadedPosting, Postings, Workspace};
use hirelint_rules::{Applicability, Report, fix_until_stable, looks_like_resume};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Where a source comes from.
#[derive(Debug)]
enum Origin {
    File(PathBuf),
    Stdin,
}

#[derive(Debug)]
struct Job {
    origin: Origin,
    /// The path shown to the user.
    display: String,
    /// The file name used to detect the format and whether it is a resume.
    file_name: Option<String>,
    /// Lint it even if it is not a resume (named explicitly, `--all-files`, resume file name).
    must_lint: bool,
    resolved: Arc<Resolved>,
}

enum Outcome {
    Linted {
        source: String,
        report: Report,
        posting: Option<Arc<LoadedPosting>>,
        /// With `--fix` / `--diff`: the text before the safe fixes changed it.
        original: Option<String>,
        /// How many fixes were applied.
        fixed: usize,
    },
    /// Found in a directory walk, and not a resume.
    Skipped,
    /// The posting named for it cannot be read: the message names it.
    PostingFailed(String),
    ReadFailed(ReadError),
    Crashed,
}

pub fn run(args: &LintArgs) -> ExitStatus {
    let color_err = use_color(std::io::stderr().is_terminal());
    let report_errors = |errors: &[ConfigError]| {
        for e in errors {
            write_stderr(&output::text::render_config_error(e, color_err));
        }
    };

    let overrides = match overrides(args) {
        Ok(o) => o,
        Err(e) => {
            report_errors(&[e]);
            return ExitStatus::Error;
        }
    };
    let mut ws = match Workspace::new(args.config.as_deref(), overrides) {
        Ok(ws) => ws,
        Err(errors) => {
            report_errors(&errors);
            return ExitStatus::Error;
        }
    };

    let postings = Postings::default();
    let Ok(cli_posting) = super::load_posting(&postings, args.posting.as_deref()) else {
        return ExitStatus::Error;
    };

    let mut status = ExitStatus::Success;
    let mut jobs = Vec::new();
    let mut seen = HashSet::new();
    let mut add = |ws: &mut Workspace, status: &mut ExitStatus, origin: Origin, explicit: bool| {
        let (key, display, file_name) = match &origin {
            Origin::File(path) => (
                path.clone(),
                display_path(path),
                path.file_name().map(|n| n.to_string_lossy().into_owned()),
            ),
            Origin::Stdin => {
                let name = args.stdin_filename.clone();
                (
                    PathBuf::from("-"),
                    name.as_deref().map_or_else(|| "-".to_owned(), display_path),
                    name.as_deref()
                        .and_then(Path::file_name)
                        .map(|n| n.to_string_lossy().into_owned()),
                )
            }
        };
        if !seen.insert(key) {
            return;
        }
        let config_anchor = match &origin {
            Origin::File(path) => path.clone(),
            Origin::Stdin => args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("-")),
        };
        let resolved = ws.resolve(&config_anchor);
        let errors = ws.take_errors();
        if !errors.is_empty() {
            report_errors(&errors);
        }
        let Ok(resolved) = resolved else {
            // Governed by a broken configuration file, already reported.
            *status = ExitStatus::Error;
            return;
        };
        let included = matches!(&origin, Origin::File(path) if resolved.includes(path));
        let must_lint = explicit
            || args.all_files
            || included
            || file_name.as_deref().is_some_and(looks_like_resume);
        jobs.push(Job {
            origin,
            display,
            file_name,
            must_lint,
            resolved,
        });
    };

    let default_paths = if args.stdin_filename.is_some() {
        vec![PathBuf::from("-")]
    } else {
        vec![PathBuf::from(".")]
    };
    let paths = if args.paths.is_empty() {
        &default_paths
    } else {
        &args.paths
    };
    for path in paths {
        if path.as_os_str() == "-" {
            add(&mut ws, &mut status, Origin::Stdin, true);
        } else if path.is_dir() {
            let (files, errors) = fs::walk(path);
            for (dir, e) in errors {
                write_stderr(&format!(
                    "error: {}: cannot read directory: {e}",
                    display_path(&dir)
                ));
                status = ExitStatus::Error;
            }
            for file in files {
                add(&mut ws, &mut status, Origin::File(file), false);
            }
        } else {
            add(&mut ws, &mut status, Origin::File(path.clone()), true);
        }
    }

    let stdin = jobs
        .iter()
        .any(|j| matches!(j.origin, Origin::Stdin))
        .then(fs::read_stdin);
    let fix = args.fix || args.diff;
    let stdin_base = args
        .stdin_filename
        .as_deref()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let ctx = JobContext {
        stdin: stdin.as_ref(),
        fix,
        postings: &postings,
        cli_posting: cli_posting.as_ref(),
        stdin_base: &stdin_base,
    };
    let outcomes = parallel_map(&jobs, |job| lint_job(job, &ctx));

    let mut files = Vec::new();
    let mut skipped = 0;
    let mut diffs = String::new();
    let mut fixed_text_for_stdout = None;
    let (mut fixes_applied, mut files_fixed) = (0, 0);
    for (job, outcome) in jobs.iter().zip(outcomes) {
        match outcome.unwrap_or(Outcome::Crashed) {
            Outcome::Linted {
                source,
                report,
                posting,
                original,
                fixed,
            } => {
                if matches!(job.origin, Origin::Stdin) && args.fix {
                    fixed_text_for_stdout = Some(source.clone());
                }
                if let Some(original) = &original {
                    if args.diff {
                        diffs.push_str(&unified_diff(&job.display, original, &source));
                    } else if let Origin::File(path) = &job.origin
                        && let Err(e) = std::fs::write(path, &source)
                    {
                        write_stderr(&format!(
                            "error: {}: cannot write the fixes: {e}",
                            job.display
                        ));
                        status = status.worst(ExitStatus::Error);
                        continue;
                    }
                    fixes_applied += fixed;
                    files_fixed += 1;
                }
                if !report.failed_rules.is_empty() {
                    let names: Vec<&str> = report.failed_rules.iter().map(|r| r.as_str()).collect();
                    write_stderr(&format!(
                        "error: {}: internal error in rule(s) {}; the other rules ran. Please report this bug.",
                        job.display,
                        names.join(", ")
                    ));
                    status = status.worst(ExitStatus::Error);
                }
                if report
                    .diagnostics
                    .iter()
                    .any(|d| d.severity >= job.resolved.fail_on)
                {
                    status = status.worst(ExitStatus::Failure);
                }
                files.push(FileReport {
                    path: job.display.clone(),
                    source,
                    diagnostics: report.diagnostics,
                    posting,
                });
            }
            Outcome::Skipped => skipped += 1,
            Outcome::PostingFailed(message) => {
                write_stderr(&format!("error: {}: {message}", job.display));
                status = status.worst(ExitStatus::Error);
            }
            Outcome::ReadFailed(e) => {
                write_stderr(&format!("error: {}: {e}", job.display));
                status = status.worst(ExitStatus::Error);
            }
            Outcome::Crashed => {
                write_stderr(&format!(
                    "error: {}: internal error while linting this file; the other files were linted. Please report this bug.",
                    job.display
                ));
                status = status.worst(ExitStatus::Error);
            }
        }
    }

    if args.diff {
        if let Err(e) = write_stdout(diffs.as_bytes()) {
            write_stderr(&format!("error: cannot write the diff: {e}"));
            return ExitStatus::Error;
        }
        // Like `ruff --diff`: 1 when there is something to fix, whatever else is left;
        // 2 still wins.
        return if matches!(status, ExitStatus::Error) {
            ExitStatus::Error
        } else if files_fixed > 0 {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        };
    }

    let rendered = match args.format {
        OutputFormat::Text => {
            let color = use_color(std::io::stdout().is_terminal());
            let mut text: String = files
                .iter()
                .map(|f| output::text::render_file(f, color))
                .collect();
            if args.fix && fixes_applied > 0 {
                let _ = writeln!(
                    text,
                    "Fixed {fixes_applied} {} in {files_fixed} {}",
                    if fixes_applied == 1 {
                        "problem"
                    } else {
                        "problems"
                    },
                    if files_fixed == 1 { "file" } else { "files" }
                );
            }
            text.push_str(&output::text::summary(&files, files.len(), skipped));
            text
        }
        OutputFormat::Json => output::json::render(&files),
        OutputFormat::Sarif => output::sarif::render(&files),
        OutputFormat::Github => output::github::render(&files),
    };
    // With `-` and `--fix`, standard output carries the fixed text; the report goes to
    // standard error.
    let written = match fixed_text_for_stdout {
        Some(text) => {
            write_stderr(rendered.trim_end());
            write_stdout(text.as_bytes())
        }
        None => write_stdout(rendered.as_bytes()),
    };
    if let Err(e) = written {
        write_stderr(&format!("error: cannot write the report: {e}"));
        status = ExitStatus::Error;
    }
    status
}

fn overrides(args: &LintArgs) -> Result<Overrides, ConfigError> {
    Ok(Overrides {
        select: args
            .select
            .as_deref()
            .map(|s| parse_selectors("--select", s))
            .transpose()?,
        ignore: parse_selectors("--ignore", &args.ignore)?,
        fail_on: args.fail_on.map(|f| f.severity()),
        today: None,
    })
}

/// A unified diff of one file's fixes, with `a/` and `b/` paths as git prints them.
fn unified_diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// What every job of a run shares.
struct JobContext<'a> {
    stdin: Option<&'a Result<String, ReadError>>,
    fix: bool,
    postings: &'a Postings,
    /// `--posting`: for every file.
    cli_posting: Option<&'a Arc<LoadedPosting>>,
    /// The directory `posting:` in standard input's front matter is relative to.
    stdin_base: &'a Path,
}

/// The posting a file is linted against: `--posting`, else `posting:` in its front
/// matter, else `posting` in its configuration.
pub fn posting_for(
    source: &str,
    base: &Path,
    resolved: &Resolved,
    postings: &Postings,
    cli_posting: Option<&Arc<LoadedPosting>>,
) -> Result<Option<Arc<LoadedPosting>>, String> {
    if let Some(p) = cli_posting {
        return Ok(Some(Arc::clone(p)));
    }
    match workspace::posting_path(source, base, resolved, None) {
        Some(path) => postings.load(&path).map(Some),
        None => Ok(None),
    }
}

fn lint_job(job: &Job, ctx: &JobContext<'_>) -> Outcome {
    let source = match &job.origin {
        Origin::File(path) => fs::read_source(path),
        Origin::Stdin => match ctx.stdin {
            Some(Ok(text)) => Ok(text.clone()),
            Some(Err(e)) => Err(ReadError::Io(std::io::Error::other(e.to_string()))),
            None => Err(ReadError::Io(std::io::Error::other(
                "standard input was not read",
            ))),
        },
    };
    let source = match source {
        Ok(source) => source,
        // A file that is not named as a resume, found in a walk: not ours to judge.
        Err(_) if !job.must_lint => return Outcome::Skipped,
        Err(e) => return Outcome::ReadFailed(e),
    };
    let base = match &job.origin {
        Origin::File(path) => path.parent().map(Path::to_path_buf).unwrap_or_default(),
        Origin::Stdin => ctx.stdin_base.to_path_buf(),
    };
    let posting = match posting_for(&source, &base, &job.resolved, ctx.postings, ctx.cli_posting) {
        Ok(p) => p,
        Err(message) => return Outcome::PostingFailed(message),
    };
    let engine_posting = posting.as_ref().map(|p| &p.posting);
    let linted = catch_unwind(AssertUnwindSafe(|| {
        workspace::lint(
            &source,
            job.file_name.as_deref(),
            &job.resolved,
            engine_posting,
        )
    }));
    match linted {
        Ok(report) if job.must_lint || workspace::is_resume(job.file_name.as_deref(), &report) => {
            if ctx.fix && report.diagnostics.iter().any(has_safe_fix) {
                let fixed = catch_unwind(AssertUnwindSafe(|| {
                    let input = workspace::input(
                        &source,
                        job.file_name.as_deref(),
                        &job.resolved,
                        engine_posting,
                    );
                    let fixed = fix_until_stable(&input, Applicability::Safe);
                    let report = workspace::lint(
                        &fixed.text,
                        job.file_name.as_deref(),
                        &job.resolved,
                        engine_posting,
                    );
                    (fixed, report)
                }));
                return match fixed {
                    Ok((fixed, report)) if fixed.text != source => Outcome::Linted {
                        source: fixed.text,
                        report,
                        posting,
                        original: Some(source),
                        fixed: fixed.applied,
                    },
                    Ok(_) => Outcome::Linted {
                        source,
                        report,
                        posting,
                        original: None,
                        fixed: 0,
                    },
                    Err(_) => Outcome::Crashed,
                };
            }
            Outcome::Linted {
                source,
                report,
                posting,
                original: None,
                fixed: 0,
            }
        }
        Ok(_) => Outcome::Skipped,
        Err(_) => Outcome::Crashed,
    }
}

fn has_safe_fix(d: &hirelint_rules::Diagnostic) -> bool {
    d.fixes
        .iter()
        .any(|f| f.applicability == Applicability::Safe)
}

/// Maps `f` over `items` on all cores, keeping the order. `None` where a worker died.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().div_ceil(16))
        .max(1);
    if threads == 1 {
        return items.iter().map(|item| Some(f(item))).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else { break };
                        done.push((index, f(item)));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            if let Ok(done) = worker.join() {
                for (index, result) in done {
                    if let Some(slot) = results.get_mut(index) {
                        *slot = Some(result);
                    }
                }
            }
        }
    });
    results
}
