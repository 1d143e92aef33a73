//! `hirelint match` output: text, and the JSON contract (documented in the README).

use crate::line_index::LineIndex;
use crate::workspace::LoadedPosting;
use hirelint_rules::PostingMatch;
use hirelint_rules::posting::{KeywordMatch, Place, Status};
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize)]
struct JsonMatch<'a> {
    score: u8,
    must_have_score: u8,
    keywords: Vec<JsonKeyword<'a>>,
    resume_path: &'a str,
    posting_path: &'a str,
}

#[derive(Serialize)]
struct JsonKeyword<'a> {
    keyword: &'a str,
    importance: &'static str,
    status: &'static str,
    #[serde(rename = "match")]
    kind: Option<&'static str>,
    resume: Vec<JsonPlace>,
    posting: Vec<JsonPosition>,
    category: Option<&'static str>,
    years: Option<u32>,
    alternatives: &'a [String],
}

#[derive(Serialize)]
struct JsonPlace {
    line: usize,
    column: usize,
    /// In a skills section.
    skills: bool,
}

#[derive(Serialize)]
struct JsonPosition {
    line: usize,
    column: usize,
}

pub fn json(path: &str, source: &str, posting: &LoadedPosting, m: &PostingMatch) -> String {
    let resume_index = LineIndex::new(source);
    let posting_index = LineIndex::new(&posting.posting.source);
    let out = JsonMatch {
        score: m.score,
        must_have_score: m.must_have_score,
        keywords: m
            .keywords
            .iter()
            .map(|k| JsonKeyword {
                keyword: &k.name,
                importance: k.importance.as_str(),
                status: k.status.as_str(),
                kind: k.kind.map(|kind| kind.as_str()),
                resume: k
                    .hits
                    .iter()
                    .map(|h| {
                        let lc = resume_index.line_col(h.range.start());
                        JsonPlace {
                            line: lc.line,
                            column: lc.column,
                            skills: h.place == Place::Skills,
                        }
                    })
                    .collect(),
                posting: k
                    .posting
                    .iter()
                    .map(|r| {
                        let lc = posting_index.line_col(r.start());
                        JsonPosition {
                            line: lc.line,
                            column: lc.column,
                        }
                    })
                    .collect(),
                category: k.category.map(|c| c.as_str()),
                years: k.years,
                alternatives: &k.alternatives,
            })
            .collect(),
        resume_path: path,
        posting_path: &posting.path,
    };
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

pub fn text(path: &str, source: &str, posting: &LoadedPosting, m: &PostingMatch) -> String {
    let resume_index = LineIndex::new(source);
    let posting_index = LineIndex::new(&posting.posting.source);
    let mut out = String::new();
    let _ = writeln!(out, "{path} against {}", posting.path);
    let _ = writeln!(
        out,
        "Score: {}/100 (must-haves: {}/100)\n",
        m.score, m.must_have_score
    );
    let width = m
        .keywords
        .iter()
        .map(|k| label(k).chars().count())
        .max()
        .unwrap_or(0);
    for k in &m.keywords {
        let alternative_found = k.status == Status::Missing
            && m.keywords
                .iter()
                .any(|o| o.status == Status::Matched && k.alternatives.contains(&o.name));
        let status = if k.only_in_skills() {
            "skills only"
        } else if alternative_found {
            "alt. found"
        } else {
            k.status.as_str()
        };
        let kind = k.kind.map_or("", |kind| kind.as_str());
        let place = if k.status == Status::Missing {
            k.posting
                .first()
                .map(|r| posting_index.line_col(r.start()))
                .map(|lc| format!("asked at {}:{}:{}", posting.path, lc.line, lc.column))
                .unwrap_or_default()
        } else {
            let places: Vec<String> = k
                .hits
                .iter()
                .take(4)
                .map(|h| {
                    let lc = resume_index.line_col(h.range.start());
                    format!("{}:{}", lc.line, lc.column)
                })
                .collect();
            let more = k.hits.len().saturating_sub(4);
            let more = if more > 0 {
                format!(" (+{more})")
            } else {
                String::new()
            };
            format!("{path}:{}{more}", places.join(", "))
        };
        let _ = writeln!(
            out,
            "  {:<4}  {:<11}  {:<9}  {:<width$}  {place}",
            k.importance.as_str(),
            status,
            kind,
            label(k),
        );
    }
    let missing = m
        .keywords
        .iter()
        .filter(|k| k.status == Status::Missing)
        .count();
    let _ = writeln!(
        out,
        "\n{} keywords: {} found, {} missing, {} misspelt",
        m.keywords.len(),
        m.keywords
            .iter()
            .filter(|k| k.status == Status::Matched)
            .count(),
        missing,
        m.keywords
            .iter()
            .filter(|k| k.status == Status::NearMiss)
            .count(),
    );
    out
}

/// The keyword, with its years and alternatives.
fn label(k: &KeywordMatch) -> String {
    let mut s = k.name.clone();
    if let Some(y) = k.years {
        let _ = write!(s, " ({y}+ years)");
    }
    if !k.alternatives.is_empty() {
        let _ = write!(s, " (or {})", k.alternatives.join(", "));
    }
    s
}
