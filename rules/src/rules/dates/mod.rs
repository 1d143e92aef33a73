//! The dates rules. They read each role's `period` (start, end, "Present"), which
//! `Resume::parse` fills once from the role's date text (`document/dates.rs`), and never
//! scan the source themselves. Two choices hold for all of them:
//! - a date is only compared when the comparison is certain: "2020" is any month of 2020,
//!   so "2020" and "Mar 2020" are neither before nor after each other;
//! - the current month is `Settings::today`, set by the server from the clock; without it,
//!   `future-date` stays quiet and roles that go on never end.

pub mod employment_gap;
pub mod end_before_start;
pub mod future_date;
pub mod inconsistent_date_format;
pub mod not_reverse_chronological;
pub mod vague_date;

use crate::document::dates::RoleDate;
use crate::document::{Resume, Role, SectionKind, Text};
use crate::span::TextRange;

/// The kind of section a role sits in.
pub(crate) fn section_kind(resume: &Resume, role: &Role) -> Option<SectionKind> {
    role.section
        .and_then(|i| resume.sections.get(i))
        .map(|s| s.kind)
}

/// A role's dates as written, for messages: the date range of a Markdown role line, or
/// the start and end fields of a YAML / JSON entry ("2020-01 – 2021-03").
pub(crate) fn label(role: &Role) -> String {
    let start = role.dates.as_ref().map_or("", Text::as_str);
    match role.end.as_ref().map(Text::as_str) {
        Some(end) if !start.is_empty() => format!("{start} – {end}"),
        Some(end) => end.to_owned(),
        None => start.to_owned(),
    }
}

/// Where to report something about a role's dates as a whole: its date range (Markdown)
/// or its start field (YAML / JSON).
pub(crate) fn dates_range(role: &Role) -> Option<TextRange> {
    role.dates.as_ref().or(role.end.as_ref()).map(Text::span)
}

/// A date as the source writes it.
pub(crate) fn written<'a>(source: &'a str, date: &RoleDate) -> &'a str {
    date.span.slice(source)
}

/// Whether a role's lines (other than its bullets) say the date lies ahead on purpose: "Expected May 2027",
/// "Incoming intern, Summer 2027", "Starting Jan 2027".
pub(crate) fn says_expected(resume: &Resume, index: usize) -> bool {
    const WORDS: &[&str] = &[
        "anticipated",
        "exp",
        "expected",
        "expecting",
        "forthcoming",
        "incoming",
        "planned",
        "starting",
        "upcoming",
        "will",
    ];
    let role_texts = resume
        .blocks
        .iter()
        .filter(|b| b.role == Some(index) && b.kind != crate::document::BlockKind::Bullet)
        .map(|b| &b.text);
    let field_texts = resume
        .roles
        .get(index)
        .into_iter()
        .flat_map(|r| r.dates.iter().chain(&r.end));
    role_texts.chain(field_texts).any(|t| {
        crate::matchers::words(t.as_str())
            .any(|(_, w)| WORDS.iter().any(|x| w.eq_ignore_ascii_case(x)))
    })
}
