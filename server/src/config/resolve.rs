//! From `Options` (and the command line) to engine `Settings`.
//!
//! Layering: built-in defaults < the nearest `.hirelint.toml` (or the `--config` file, which
//! replaces discovery) < `--select` / `--ignore` / `--fail-on`.

use super::options::{KEYS, Options};
use crate::fs;
use crate::line_index::LineIndex;
use hirelint_rules::data::{Data, Extensions};
use hirelint_rules::document::dates::YearMonth;
use hirelint_rules::{ALL_RULES, Category, RuleId, RuleLevel, Settings, Severity};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A configuration or command-line error, with the place it points at when known.
#[derive(Clone, Debug)]
pub struct ConfigError {
    /// The configuration file; `None` for command-line errors.
    pub path: Option<PathBuf>,
    /// The configuration text, to show the offending line.
    pub text: Option<Arc<str>>,
    /// Byte range in `text`.
    pub span: Option<Range<usize>>,
    pub message: String,
    /// Valid values, or a "did you mean".
    pub help: Option<String>,
}

impl ConfigError {
    pub fn cli(message: impl Into<String>, help: Option<String>) -> Self {
        ConfigError {
            path: None,
            text: None,
            span: None,
            message: message.into(),
            help,
        }
    }

    /// `path:line:col`, or just the path, or `None` for command-line errors.
    pub fn location(&self) -> Option<String> {
        let path = self.path.as_ref()?.display().to_string();
        match (&self.text, &self.span) {
            (Some(text), Some(span)) => {
                let lc = LineIndex::new(text).line_col(span.start);
                Some(format!("{path}:{}:{}", lc.line, lc.column))
            }
            _ => Some(path),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = self.location() {
            write!(f, "{location}: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// A rule id or a category, as accepted by `[rules]`, `--select` and `--ignore`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selector {
    Rule(RuleId),
    Category(Category),
}

impl Selector {
    /// Parses a rule id or category; the error is a message and a help line.
    pub fn parse(name: &str) -> Result<Selector, (String, String)> {
        let name = name.trim();
        if let Some(category) = Category::parse(name) {
            return Ok(Selector::Category(category));
        }
        match name.parse::<RuleId>() {
            Ok(rule) => Ok(Selector::Rule(rule)),
            Err(_) => {
                let message = format!("unknown rule or category \"{name}\"");
                let help = match suggest(name) {
                    Some(s) => format!("did you mean \"{s}\"? {}", valid_selectors()),
                    None => valid_selectors(),
                };
                Err((message, help))
            }
        }
    }

    pub fn matches(self, rule: RuleId) -> bool {
        match self {
            Selector::Rule(r) => r == rule,
            Selector::Category(c) => rule.category() == c,
        }
    }
}

/// The nearest rule id or category to a misspelled one.
fn suggest(name: &str) -> Option<&'static str> {
    let rules = ALL_RULES.iter().map(|r| r.as_str());
    let categories = Category::ALL.iter().map(|c| c.as_str());
    rules
        .chain(categories)
        .map(|candidate| (strsim::jaro_winkler(name, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn valid_selectors() -> String {
    let rules: Vec<&str> = ALL_RULES.iter().map(|r| r.as_str()).collect();
    let categories: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    format!(
        "valid rule ids: {}; categories: {}",
        rules.join(", "),
        categories.join(", ")
    )
}

/// Parses a comma-separated list from the command line (`--select`, `--ignore`).
pub fn parse_selectors(flag: &str, values: &[String]) -> Result<Vec<Selector>, ConfigError> {
    values
        .iter()
        .filter(|v| !v.trim().is_empty())
        .map(|v| {
            Selector::parse(v).map_err(|(message, help)| {
                ConfigError::cli(format!("{flag}: {message}"), Some(help))
            })
        })
        .collect()
}

const LEVELS: &str = "valid values: \"off\", \"info\", \"warning\", \"error\"";
const SEVERITIES: &str = "valid values: \"info\", \"warning\", \"error\"";

fn parse_level(s: &str) -> Option<RuleLevel> {
    if s == "off" {
        Some(RuleLevel::Off)
    } else {
        Severity::parse(s).map(RuleLevel::On)
    }
}

/// One configuration file, turned into settings.
#[derive(Clone, Debug)]
pub struct ConfigLayer {
    pub settings: Settings,
    pub fail_on: Option<Severity>,
    pub include: Option<Include>,
    /// `posting = "..."`, resolved against the configuration file's directory.
    pub posting: Option<PathBuf>,
}

/// Files that the configuration declares to be resumes.
#[derive(Debug, Clone)]
pub struct Include {
    /// The configuration file's directory, absolute: patterns are relative to it.
    base: PathBuf,
    set: globset::GlobSet,
}

impl Include {
    pub fn matches(&self, path: &Path) -> bool {
        let Ok(path) = std::path::absolute(path) else {
            return false;
        };
        path.strip_prefix(&self.base)
            .is_ok_and(|relative| self.set.is_match(relative))
    }
}

/// Reads and resolves a configuration file. Every problem found is returned.
pub fn load(path: &Path) -> Result<ConfigLayer, Vec<ConfigError>> {
    let text = fs::read_source(path).map_err(|e| {
        vec![ConfigError {
            path: Some(path.to_path_buf()),
            text: None,
            span: None,
            message: format!("cannot load configuration: {e}"),
            help: None,
        }]
    })?;
    parse(path, &text)
}

/// Parses and validates configuration text.
pub fn parse(path: &Path, text: &str) -> Result<ConfigLayer, Vec<ConfigError>> {
    let shared: Arc<str> = Arc::from(text);
    let error = |span: Option<Range<usize>>, message: String, help: Option<String>| ConfigError {
        path: Some(path.to_path_buf()),
        text: Some(Arc::clone(&shared)),
        span,
        message,
        help,
    };
    let options: Options = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_owned();
        let help = message
            .contains("unknown field")
            .then(|| format!("valid keys: {}", KEYS.join(", ")));
        vec![error(e.span(), message, help)]
    })?;

    let mut errors = Vec::new();
    let data = Data::builtin();

    let mut ext = Extensions::default();
    for (phrase, verbs) in &options.extend_weak_openers {
        if phrase.get_ref().trim().is_empty() || verbs.iter().any(|v| v.trim().is_empty()) {
            errors.push(error(
                Some(phrase.span()),
                "extend-weak-openers: phrases and verbs must not be empty".to_owned(),
                None,
            ));
        } else if verbs.is_empty() {
            errors.push(error(
                Some(phrase.span()),
                format!(
                    "extend-weak-openers: \"{}\" needs at least one replacement verb",
                    phrase.get_ref()
                ),
                Some("e.g. \"was in charge of\" = [\"led\", \"managed\"]".to_owned()),
            ));
        } else {
            ext.weak_openers
                .push((phrase.get_ref().trim().to_owned(), verbs.clone()));
        }
    }
    for verb in &options.extend_action_verbs {
        if !verb.trim().is_empty() {
            ext.action_verbs.push(verb.trim().to_owned());
        }
    }
    for (heading, target) in &options.extend_headings {
        if data.headings.section_named(target.get_ref()).is_some() {
            ext.headings.push((
                heading.get_ref().clone(),
                target.get_ref().to_ascii_lowercase(),
            ));
        } else {
            let names: Vec<&str> = data.headings.section_names().collect();
            errors.push(error(
                Some(target.span()),
                format!(
                    "extend-headings: unknown section \"{}\" for heading \"{}\"",
                    target.get_ref(),
                    heading.get_ref()
                ),
                Some(format!("valid sections: {}", names.join(", "))),
            ));
        }
    }

    let mut include = globset::GlobSetBuilder::new();
    for pattern in &options.include {
        match globset::GlobBuilder::new(pattern.get_ref())
            .literal_separator(true)
            .build()
        {
            Ok(glob) => {
                include.add(glob);
            }
            Err(e) => errors.push(error(
                Some(pattern.span()),
                format!(
                    "include: invalid pattern \"{}\": {}",
                    pattern.get_ref(),
                    e.kind()
                ),
                Some("e.g. include = [\"resumes/*.md\", \"**/cv-*.yaml\"]".to_owned()),
            )),
        }
    }
    let include = match include.build() {
        Ok(set) if !options.include.is_empty() => {
            let dir = path.parent().unwrap_or(Path::new("."));
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            std::path::absolute(dir)
                .ok()
                .map(|base| Include { base, set })
        }
        _ => None,
    };

    let mut settings = Settings::with_extensions(&ext);

    if let Some(market) = &options.market {
        let wanted = market.get_ref().to_ascii_lowercase();
        if data
            .personal
            .markets
            .iter()
            .any(|m| m.eq_ignore_ascii_case(&wanted))
        {
            settings.market = wanted;
        } else {
            errors.push(error(
                Some(market.span()),
                format!("unknown market \"{}\"", market.get_ref()),
                Some(format!(
                    "valid markets: {}",
                    data.personal.markets.join(", ")
                )),
            ));
        }
    }

    let fail_on = match &options.fail_on {
        None => None,
        Some(value) => match Severity::parse(value.get_ref()) {
            Some(s) => Some(s),
            None => {
                errors.push(error(
                    Some(value.span()),
                    format!("fail-on: invalid severity \"{}\"", value.get_ref()),
                    Some(SEVERITIES.to_owned()),
                ));
                None
            }
        },
    };

    // Categories first, then rule ids: the more specific entry wins.
    let mut by_category = Vec::new();
    let mut by_rule = Vec::new();
    for (key, value) in &options.rules {
        let selector = match Selector::parse(key.get_ref()) {
            Ok(s) => s,
            Err((message, help)) => {
                // `market = "us"` written after `[rules]` lands in the table: say so.
                let help = if KEYS.contains(&key.get_ref().as_str()) {
                    format!(
                        "`{}` is a top-level key: move it above the first `[table]` header",
                        key.get_ref()
                    )
                } else {
                    help
                };
                errors.push(error(
                    Some(key.span()),
                    format!("[rules]: {message}"),
                    Some(help),
                ));
                continue;
            }
        };
        let Some(level) = parse_level(value.get_ref()) else {
            errors.push(error(
                Some(value.span()),
                format!(
                    "[rules]: invalid level \"{}\" for \"{}\"",
                    value.get_ref(),
                    key.get_ref()
                ),
                Some(LEVELS.to_owned()),
            ));
            continue;
        };
        match selector {
            Selector::Category(_) => by_category.push((selector, level)),
            Selector::Rule(_) => by_rule.push((selector, level)),
        }
    }
    for (selector, level) in by_category.into_iter().chain(by_rule) {
        for &rule in ALL_RULES {
            if selector.matches(rule) {
                settings.set_level(rule, level);
            }
        }
    }

    let posting = match &options.posting {
        Some(value) if value.get_ref().trim().is_empty() => {
            errors.push(error(
                Some(value.span()),
                "posting: the path must not be empty".to_owned(),
                Some("e.g. posting = \"jobs/backend.txt\"".to_owned()),
            ));
            None
        }
        Some(value) => {
            let dir = path.parent().unwrap_or(Path::new("."));
            Some(dir.join(value.get_ref()))
        }
        None => None,
    };

    if errors.is_empty() {
        Ok(ConfigLayer {
            settings,
            fail_on,
            include,
            posting,
        })
    } else {
        errors.sort_by_key(|e| e.span.as_ref().map_or(0, |s| s.start));
        Err(errors)
    }
}

/// What the command line adds on top of the configuration files.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub select: Option<Vec<Selector>>,
    pub ignore: Vec<Selector>,
    pub fail_on: Option<Severity>,
    /// The month to lint with, instead of reading the clock: the language server reads it
    /// itself, to notice when the month turns during a long session.
    pub today: Option<YearMonth>,
}

/// The settings one file is linted with.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub settings: Settings,
    /// Lowest severity that fails the run.
    pub fail_on: Severity,
    /// Files the configuration declares to be resumes.
    pub include: Option<Include>,
    /// The job posting named by the configuration (`posting = "..."`).
    pub posting: Option<PathBuf>,
}

impl Resolved {
    pub fn new(layer: Option<&ConfigLayer>, overrides: &Overrides) -> Resolved {
        let mut settings = layer.map_or_else(Settings::default, |l| l.settings.clone());
        // The CLI reads the clock here; the language server passes the month it read
        // (`workspace::today` either way).
        settings.today = overrides.today.or_else(crate::workspace::today);
        if let Some(select) = &overrides.select {
            for &rule in ALL_RULES {
                if !select.iter().any(|s| s.matches(rule)) {
                    settings.set_level(rule, RuleLevel::Off);
                } else if !settings.is_enabled(rule) {
                    settings.set_level(rule, RuleLevel::On(rule.meta().default_severity));
                }
            }
        }
        for &rule in ALL_RULES {
            if overrides.ignore.iter().any(|s| s.matches(rule)) {
                settings.set_level(rule, RuleLevel::Off);
            }
        }
        let fail_on = overrides
            .fail_on
            .or_else(|| layer.and_then(|l| l.fail_on))
            .unwrap_or(Severity::Warning);
        Resolved {
            settings,
            fail_on,
            include: layer.and_then(|l| l.include.clone()),
            posting: layer.and_then(|l| l.posting.clone()),
        }
    }

    /// Whether the configuration names `path` as a resume.
    pub fn includes(&self, path: &Path) -> bool {
        self.include.as_ref().is_some_and(|i| i.matches(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        match parse(Path::new(".hirelint.toml"), text) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn valid_config() {
        let text = "market = \"us\"\nfail-on = \"error\"\n[rules]\nlayout = \"off\"\nraw-html = \"info\"\n\
                    [extend-headings]\n\"Where I Worked\" = \"experience\"\n\
                    [extend-weak-openers]\n\"was in charge of\" = [\"lead\"]\n";
        let layer = parse(Path::new("x.toml"), text);
        let Ok(layer) = layer else {
            panic!("{:?}", layer.err());
        };
        assert_eq!(layer.fail_on, Some(Severity::Error));
        assert_eq!(
            layer.settings.level(RuleId::RawHtml),
            RuleLevel::On(Severity::Info)
        );
        assert_eq!(layer.settings.level(RuleId::TableLayout), RuleLevel::Off);
    }

    #[test]
    fn unknown_key_names_place_and_valid_keys() {
        let found = errors("market = \"us\"\nfoo = 1\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with(".hirelint.toml:2:1: "), "{found:?}");
        assert!(found[0].contains("valid keys"), "{found:?}");
    }

    #[test]
    fn unknown_rule_suggests() {
        let found = errors("[rules]\nweak-openr = \"off\"\n");
        assert!(found[0].starts_with(".hirelint.toml:2:1: "), "{found:?}");
        assert!(
            found[0].contains("did you mean \"weak-opener\""),
            "{found:?}"
        );
    }

    #[test]
    fn top_level_key_inside_rules() {
        let found = errors("[rules]\nlayout = \"error\"\nmarket = \"us\"\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("`market` is a top-level key"),
            "{found:?}"
        );
    }

    #[test]
    fn readme_example() {
        let text = "market = \"us\"\nfail-on = \"warning\"\n\
                    extend-weak-openers = { \"was part of\" = [\"lead\", \"deliver\"] }\n\
                    extend-action-verbs = [\"productionize\"]\n\
                    extend-headings = { \"Selected Engagements\" = \"experience\" }\n\
                    [rules]\nmissing-action-verb = \"off\"\nlayout = \"error\"\n";
        assert_eq!(errors(text), Vec::<String>::new());
    }

    #[test]
    fn bad_values() {
        let found = errors(
            "market = \"mars\"\nfail-on = \"loud\"\n[rules]\nraw-html = \"meh\"\n[extend-headings]\nX = \"nowhere\"\n",
        );
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found[0].contains("unknown market"), "{found:?}");
        assert!(found[1].contains("fail-on"), "{found:?}");
        assert!(found[2].contains("invalid level"), "{found:?}");
        assert!(found[3].contains("valid sections"), "{found:?}");
    }

    #[test]
    fn select_and_ignore() {
        let overrides = Overrides {
            select: Some(vec![Selector::Category(Category::Layout)]),
            ignore: vec![Selector::Rule(RuleId::RawHtml)],
            ..Overrides::default()
        };
        let r = Resolved::new(None, &overrides);
        assert!(r.settings.is_enabled(RuleId::TableLayout));
        assert!(!r.settings.is_enabled(RuleId::RawHtml));
        assert!(!r.settings.is_enabled(RuleId::WeakOpener));
        assert_eq!(r.fail_on, Severity::Warning);
    }
}
