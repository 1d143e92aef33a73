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

use crate::document::dates::{Period, RoleDate};
use crate::document::{Block, BlockKind, Resume, Role, SectionKind, Text};
use crate::span::TextRange;

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

/// Whether a role's lines (other than its bullets) say the date lies ahead on purpose:
/// "Expected May 2027", "Incoming intern, Summer 2027", "Starting Jan 2027", "Contract
/// through Jun 2027".
pub(crate) fn says_expected(resume: &Resume, index: usize) -> bool {
    const WORDS: &[&str] = &[
        "anticipated",
        "contract",
        "est",
        "estimated",
        "exp",
        "expected",
        "expecting",
        "forthcoming",
        "incoming",
        "planned",
        "projected",
        "starting",
        "tentative",
        "through",
        "until",
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

/// The education entries of a YAML / JSON resume, which the model keeps as fields rather
/// than roles (they hold no achievements): each entry's period, with its section index.
/// An entry ends where one of its keys comes again.
pub(crate) fn education_entries(resume: &Resume) -> Vec<(usize, Period)> {
    const STARTS: &[&str] = &["startdate", "start_date", "start", "from"];
    const ENDS: &[&str] = &["enddate", "end_date", "end", "to", "until"];
    const SINGLE: &[&str] = &["date", "dates", "years", "year"];
    const NAMES: &[&str] = &[
        "area",
        "degree",
        "institution",
        "name",
        "school",
        "studytype",
        "study_type",
    ];
    let keyed = |b: &Block| {
        b.key
            .as_deref()
            .filter(|k| {
                [STARTS, ENDS, SINGLE, NAMES]
                    .iter()
                    .any(|set| set.contains(k))
            })
            .is_some()
    };
    let period_of = |group: &[&Block]| -> Option<Period> {
        let find = |keys: &[&str]| {
            group
                .iter()
                .find(|b| b.key.as_deref().is_some_and(|k| keys.contains(&k)))
                .map(|b| b.text.clone())
        };
        let (dates, end) = match (find(STARTS), find(ENDS), find(SINGLE)) {
            (Some(start), end, _) => (Some(start), end),
            (None, Some(end), _) => (None, Some(end)),
            (None, None, Some(date)) => (Some(date), None),
            (None, None, None) => return None,
        };
        let role = Role {
            section: None,
            header: None,
            // A start and no end: a degree under way.
            open_ended: end.is_none() && find(STARTS).is_some(),
            dates,
            end,
            span: TextRange::default(),
            period: Period::default(),
        };
        Some(Period::of(&role))
    };
    let mut out = Vec::new();
    let mut group: Vec<&Block> = Vec::new();
    let mut section: Option<usize> = None;
    let fields = resume.blocks.iter().filter(|b| {
        b.kind == BlockKind::Field
            && b.role.is_none()
            && resume.section_kind(b) == Some(SectionKind::Education)
            && keyed(b)
    });
    for block in fields {
        let repeated = group.iter().any(|b| b.key == block.key);
        if block.section != section || repeated {
            if let (Some(s), Some(p)) = (section, period_of(&group)) {
                out.push((s, p));
            }
            group.clear();
            section = block.section;
        }
        group.push(block);
    }
    if let (Some(s), Some(p)) = (section, period_of(&group)) {
        out.push((s, p));
    }
    out
}
