//! Paths and configuration -> engine `Settings` and `Input`. Shared by the CLI and, later,
//! the language server: it never prints, and returns errors as values.

use crate::config::discover::Discovery;
use crate::config::resolve::{self, Overrides};
use crate::config::{ConfigError, Resolved};
use crate::fs;
use hirelint_rules::{Input, Posting, PostingFormat, Report, detect_format, looks_like_resume};
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
                }))
            })
            .clone()
    }
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
