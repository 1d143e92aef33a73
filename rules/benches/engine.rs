#![allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

//! Engine benchmarks against the budgets in DESIGN.md: one two-page resume under 100 µs,
//! and batch throughput (resumes per second on one core; the CLI spreads files over cores).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hirelint_rules::data::Data;
use hirelint_rules::posting::match_resume;
use hirelint_rules::{Format, Input, Posting, PostingFormat, Resume, Settings, lint};
use std::hint::black_box;

const RESUME_MD: &str = include_str!("../tests/fixtures/good/resume.md");
const RESUME_YAML: &str = include_str!("../tests/fixtures/good/resume.yaml");
const RESUME_JSON: &str = include_str!("../tests/fixtures/good/resume.json");
const POSTING: &str = include_str!("../tests/fixtures/posting/backend.md");

/// A two-page resume (about 900 words): the good resume with its experience repeated and
/// a few weak bullets, so the rules have work to do.
fn two_pages() -> String {
    let experience_start = RESUME_MD.find("## Experience").unwrap_or(0);
    let projects_start = RESUME_MD.find("## Projects").unwrap_or(RESUME_MD.len());
    let experience = &RESUME_MD[experience_start..projects_start];
    let extra = experience
        .replace("## Experience", "## Earlier Experience")
        .replace("- Built", "- Responsible for building")
        .replace("- Led", "- Helped lead");
    format!(
        "{}{extra}{}",
        &RESUME_MD[..projects_start],
        &RESUME_MD[projects_start..]
    )
}

fn bench(c: &mut Criterion) {
    let settings = Settings::default();
    let two = two_pages();
    let mut group = c.benchmark_group("lint");
    for (name, source, format) in [
        ("two_page_markdown", two.as_str(), Format::Markdown),
        ("resume_yaml", RESUME_YAML, Format::Yaml),
        ("resume_json", RESUME_JSON, Format::Json),
    ] {
        group.throughput(Throughput::Elements(1));
        group.bench_function(name, |b| {
            b.iter(|| {
                lint(black_box(&Input {
                    source,
                    format,
                    settings: &settings,
                    posting: None,
                }))
            })
        });
    }
    group.finish();
}

/// A posting: parsed once; matched per resume; and the whole lint with and without it, so
/// the cost keyword matching adds to linting is in plain sight.
fn posting(c: &mut Criterion) {
    let settings = Settings::default();
    let two = two_pages();
    let data = Data::builtin();
    let posting = Posting::parse(POSTING, PostingFormat::Text);
    let resume = Resume::parse(&two, Format::Markdown, &data);
    let mut group = c.benchmark_group("posting");
    group.bench_function("parse", |b| {
        b.iter(|| Posting::parse(black_box(POSTING), PostingFormat::Text))
    });
    group.bench_function("match_two_page_markdown", |b| {
        b.iter(|| match_resume(black_box(&posting), black_box(&resume)))
    });
    for (name, with) in [
        ("lint_without_posting", None),
        ("lint_with_posting", Some(&posting)),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                lint(black_box(&Input {
                    source: &two,
                    format: Format::Markdown,
                    settings: &settings,
                    posting: with,
                }))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, posting);
criterion_main!(benches);
