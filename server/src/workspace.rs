//! Paths and configuration -> engine `Settings` and `Input`. Shared by the CLI and the
//! language server, so a diagnostic is the same in both: it never prints, and returns
//! errors as values.

use crate::config::discover::Discovery;
use crate::config::resolve::{self, Overrides};
use crate::config::{ConfigError, Resolved};
use crate::fs;
use hirelint_rules::document::dates::YearMonth;
use hirelint_rules::{
    Format, Input, Posting, PostingFormat, Report, detect_format, looks_like_resume,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Configuration for every file of a run: discovered per directory, or one `--config` file.
#[derive(Debug)]
pub struct Workspace {
    overrides: Overrides,
    /// `--config`: replaces discovery.
    explicit: Option<Arc<Resolved>>,
    discovery: Discovery,
    /// Per configuration file: its resolved settings, or `None` when it is broken.
    loaded: HashMap<PathBuf, Option<Arc<Resolved>>>,
    defaults: Arc<Resolved>,
    /// Errors found in configuration files and not yet taken by the caller.
    errors: Vec<ConfigError>,
}

impl Workspace {
    /// A workspace with `--config` (if any) loaded. A broken `--config` file is fatal.
    pub fn new(config: Option<&Path>, overrides: Overrides) -> Result<Workspace, Vec<ConfigError>> {
        let explicit = match config {
            Some(path) => Some(Arc::new(Resolved::new(
                Some(&resolve::load(path)?),
                &overrides,
            ))),
            None => None,
        };
        Ok(Workspace {
            defaults: Arc::new(Resolved::new(None, &overrides)),
            overrides,
            explicit,
            discovery: Discovery::default(),
            loaded: HashMap::new(),
            errors: Vec::new(),
        })
    }

    /// A workspace that discovers the nearest `.hirelint.toml` of each file (no `--config`).
    pub fn discovering(overrides: Overrides) -> Workspace {
        Workspace {
            defaults: Arc::new(Resolved::new(None, &overrides)),
            overrides,
            explicit: None,
            discovery: Discovery::default(),
            loaded: HashMap::new(),
            errors: Vec::new(),
        }
    }

    /// The settings for a file (or for standard input named `path`). `Err` holds the path of
    /// the broken configuration file that governs it; its errors are in `take_errors`.
    pub fn resolve(&mut self, path: &Path) -> Result<Arc<Resolved>, PathBuf> {
        if let Some(explicit) = &self.explicit {
            return Ok(Arc::clone(explicit));
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let Some(config) = self.discovery.find(dir) else {
            return Ok(Arc::clone(&self.defaults));
        };
        let entry =
            self.loaded
                .entry(config.clone())
                .or_insert_with(|| match resolve::load(&config) {
                    Ok(layer) => Some(Arc::new(Resolved::new(Some(&layer), &self.overrides))),
                    Err(errors) => {
                        self.errors.extend(errors);
                        None
                    }
                });
        entry.as_ref().map(Arc::clone).ok_or(config)
    }

    /// Configuration errors found since the last call.
    pub fn take_errors(&mut self) -> Vec<ConfigError> {
        std::mem::take(&mut self.errors)
    }
}

/// The engine input for a source, its file name (for format detection), its settings and
/// the job posting it is linted against.
pub fn input<'a>(
    source: &'a str,
    file_name: Option<&str>,
    resolved: &'a Resolved,
    posting: Option<&'a Posting>,
) -> Input<'a> {
    Input {
        source,
        format: detect_format(file_name, source),
        settings: &resolved.settings,
        posting,
    }
}

/// Lints one source.
pub fn lint(
    source: &str,
    file_name: Option<&str>,
    resolved: &Resolved,
    posting: Option<&Posting>,
) -> Report {
    hirelint_rules::lint(&input(source, file_name, resolved, posting))
}

/// A job posting read from a file and parsed.
#[derive(Debug)]
pub struct LoadedPosting {
    /// As shown to the user.
    pub path: String,
    pub posting: Posting,
    /// The posting's text as a rope, built on first use: the server maps diagnostics'
    /// related places into it on every publication.
    rope: std::sync::OnceLock<ropey::Rope>,
}

impl LoadedPosting {
    /// The posting's text as a rope (an O(1) clone).
    pub fn rope(&self) -> &ropey::Rope {
        self.rope
            .get_or_init(|| ropey::Rope::from_str(&self.posting.source))
    }
}

/// Job postings read and parsed once per run (or per server session), by path.
#[derive(Debug, Default)]
pub struct Postings {
    loaded: Mutex<HashMap<PathBuf, Result<Arc<LoadedPosting>, String>>>,
}

impl Postings {
    /// The posting at `path`, read and parsed on first use. `Err` is a message that names
    /// the file.
    pub fn load(&self, path: &Path) -> Result<Arc<LoadedPosting>, String> {
        let mut loaded = match self.loaded.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        loaded
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                let display = crate::cli::display_path(path);
                let text = fs::read_source(path)
                    .map_err(|e| format!("{display}: cannot load the posting: {e}"))?;
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                let format = PostingFormat::detect(name.as_deref(), &text);
                Ok(Arc::new(LoadedPosting {
                    path: display,
                    posting: Posting::parse(&text, format),
                    rope: std::sync::OnceLock::new(),
                }))
            })
            .clone()
    }

    /// Forgets the posting at `path` (its file changed): the next `load` reads it again.
    /// Whether it was loaded (or failed to load).
    pub fn forget(&self, path: &Path) -> bool {
        let mut loaded = match self.loaded.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        loaded.remove(path).is_some()
    }
}

/// The posting a resume is linted against, as the CLI finds it: the one named for the whole
/// run (`--posting`, or the editor's `hirelint.posting`), else `posting:` in the front
/// matter (relative to the resume's directory `base`), else `posting = "..."` in the
/// configuration. `Ok(None)`: no posting named.
pub fn posting_path(
    source: &str,
    base: &Path,
    resolved: &Resolved,
    named: Option<&Path>,
) -> Option<PathBuf> {
    named
        .map(Path::to_path_buf)
        .or_else(|| front_matter_posting(source, base))
        .or_else(|| resolved.posting.clone())
}

/// `posting: FILE` in the front matter of a Markdown resume, relative to the resume's
/// directory (`base`).
pub fn front_matter_posting(source: &str, base: &Path) -> Option<PathBuf> {
    let body = source.trim_start_matches('\u{feff}');
    let rest = body
        .strip_prefix("---\n")
        .or_else(|| body.strip_prefix("---\r\n"))?;
    for line in rest.lines() {
        let line = line.trim_end();
        if line == "---" || line == "..." {
            break;
        }
        if let Some(value) = line.strip_prefix("posting:") {
            let value = value.trim().trim_matches(['"', '\'']);
            if value.is_empty() {
                return None;
            }
            return Some(base.join(value));
        }
    }
    None
}

/// Whether a file is a resume: by its name, or by what its content declares.
pub fn is_resume(file_name: Option<&str>, report: &Report) -> bool {
    file_name.is_some_and(looks_like_resume) || report.declares_resume
}

/// The engine input for an editor buffer: the format from the file name's extension, else
/// from the editor's language id, else from the content.
pub fn editor_input<'a>(
    source: &'a str,
    file_name: Option<&str>,
    language: Option<Format>,
    resolved: &'a Resolved,
    posting: Option<&'a Posting>,
) -> Input<'a> {
    let named = file_name
        .and_then(|n| n.rsplit_once('.'))
        .and_then(|(_, ext)| Format::from_language_id(ext));
    Input {
        source,
        format: named
            .or(language)
            .unwrap_or_else(|| detect_format(file_name, source)),
        settings: &resolved.settings,
        posting,
    }
}

/// Whether a file is linted when nobody named it (a directory walk, an editor buffer): the
/// configuration includes it, or it is a resume.
pub fn in_scope(
    path: Option<&Path>,
    file_name: Option<&str>,
    resolved: &Resolved,
    report: &Report,
) -> bool {
    path.is_some_and(|p| resolved.includes(p)) || is_resume(file_name, report)
}

/// The current month (UTC) from the system clock, for the dates rules (the engine reads no
/// clock). `None` when the clock is before 1970 or past the years a date can name.
pub fn today() -> Option<YearMonth> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    year_month_from_days(i64::try_from(secs / 86_400).ok()?)
}

/// The civil month of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn year_month_from_days(days: i64) -> Option<YearMonth> {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11], March first
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some(YearMonth::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_months_from_days() {
        let ym = |days| year_month_from_days(days).map(|m| (m.year, m.month));
        assert_eq!(ym(0), Some((1970, 1)));
        assert_eq!(ym(31), Some((1970, 2)));
        assert_eq!(ym(59), Some((1970, 3))); // 1970 is not a leap year
        assert_eq!(ym(11_016), Some((2000, 2))); // 2000-02-29
        assert_eq!(ym(11_017), Some((2000, 3)));
        assert_eq!(ym(20_788), Some((2026, 12))); // 2026-12-01
        assert_eq!(ym(20_787), Some((2026, 11))); // 2026-11-30
        assert_eq!(ym(-1), Some((1969, 12)));
    }

    #[test]
    fn today_is_a_month_after_this_code_was_written() {
        assert!(today().is_some_and(|m| m >= YearMonth::new(2026, 1)));
    }
}
