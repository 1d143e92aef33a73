//! The command line, declared with clap's derive API.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "hirelint",
    version,
    about = "A linter for resumes in Markdown, YAML and JSON",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint resumes: files, directories, or `-` for standard input.
    Lint(LintArgs),
    /// List every rule with its category, default severity and fix availability.
    Rules(RulesArgs),
    /// Print the documentation of a rule.
    Explain(ExplainArgs),
    /// Match a resume against a job posting: keywords found and missing, and a score.
    Match(MatchArgs),
    /// Run the language server (LSP on standard input and output), for editors.
    Server(ServerArgs),
}

#[derive(Debug, Args)]
pub struct ServerArgs {
    /// Speak LSP on standard input and output (the default and only transport; accepted
    /// because vscode-languageclient passes it).
    #[arg(long)]
    pub stdio: bool,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Files or directories to lint; `-` reads standard input. Default: the current directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    /// Use this configuration file instead of discovering `.hirelint.toml` files.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Enable only these rules (comma-separated rule ids or categories).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Option<Vec<String>>,

    /// Disable these rules (comma-separated rule ids or categories).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// File name for standard input: picks the format, the configuration and the reported path.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,

    /// Exit with 1 when a diagnostic at or above this severity is reported [default: warning].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,

    /// In directories, lint every .md, .markdown, .yaml, .yml and .json file, not only resumes.
    #[arg(long)]
    pub all_files: bool,

    /// Apply the safe fixes in place (for `-`, print the fixed text), then report what is left.
    #[arg(long)]
    pub fix: bool,

    /// Print the changes `--fix` would make as a unified diff, and change nothing.
    /// Exits with 1 when there is a change to make.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,

    /// Also check each resume against this job posting (text, Markdown, or the JSON Resume
    /// job schema in JSON or YAML): the `posting` rules.
    #[arg(long, value_name = "FILE")]
    pub posting: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The resume; `-` reads standard input.
    #[arg(value_name = "RESUME")]
    pub resume: PathBuf,

    /// The job posting. Default: `posting:` in the resume's front matter, then `posting`
    /// in `.hirelint.toml`.
    #[arg(long, value_name = "FILE")]
    pub posting: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = MatchFormat::Text)]
    pub format: MatchFormat,

    /// Exit with 1 when the score is below N (0-100).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub fail_under: Option<u8>,

    /// Use this configuration file instead of discovering `.hirelint.toml` files.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// File name for standard input: picks the format, the configuration and the reported path.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MatchFormat {
    /// The score and a table of keywords.
    Text,
    /// `{"score", "must_have_score", "keywords": [...]}` (the contract, see README).
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// rustc-style snippets for a terminal.
    Text,
    /// An array of diagnostics (the stable contract, see README).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Info,
    Warning,
    Error,
}

impl FailOn {
    pub fn severity(self) -> hirelint_rules::Severity {
        match self {
            FailOn::Info => hirelint_rules::Severity::Info,
            FailOn::Warning => hirelint_rules::Severity::Warning,
            FailOn::Error => hirelint_rules::Severity::Error,
        }
    }
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule id, e.g. `weak-opener`.
    #[arg(value_name = "RULE")]
    pub rule: String,
}
