//! The `.hirelint.toml` file as written: kebab-case keys, unknown keys rejected, spans kept
//! so errors can point at the offending place.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// ```toml
/// market = "us"
/// fail-on = "warning"
/// include = ["applications/*.md"]   # resumes by path, relative to this file
/// posting = "jobs/backend.txt"       # the job posting, relative to this file
/// extend-action-verbs = ["shipped"]
///
/// [rules]
/// missing-metric = "info"      # a rule id ...
/// layout = "error"             # ... or a category
/// personal-data = "off"
///
/// [extend-weak-openers]
/// "was in charge of" = ["led", "managed"]
///
/// [extend-headings]
/// "Where I've Worked" = "experience"
/// ```
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Rule id or category -> `off` | `info` | `warning` | `error`.
    pub rules: BTreeMap<Spanned<String>, Spanned<String>>,
    /// Hiring market whose norms `personal-data` applies.
    pub market: Option<Spanned<String>>,
    /// Lowest severity that makes `hirelint lint` exit with 1.
    pub fail_on: Option<Spanned<String>>,
    /// Extra weak openers: phrase -> replacement verbs (base form).
    pub extend_weak_openers: BTreeMap<Spanned<String>, Vec<String>>,
    /// Extra strong action verbs (base form).
    pub extend_action_verbs: Vec<String>,
    /// Extra accepted headings: heading text -> standard section.
    pub extend_headings: BTreeMap<Spanned<String>, Spanned<String>>,
    /// Glob patterns, relative to the configuration file, of files that are resumes
    /// whatever their name or content.
    pub include: Vec<Spanned<String>>,
    /// The job posting the resumes are written for (text, Markdown, or the JSON Resume
    /// job schema), relative to the configuration file.
    pub posting: Option<Spanned<String>>,
}

/// The top-level keys, for "valid keys are ..." messages.
pub const KEYS: &[&str] = &[
    "rules",
    "market",
    "fail-on",
    "extend-weak-openers",
    "extend-action-verbs",
    "extend-headings",
    "include",
    "posting",
];
