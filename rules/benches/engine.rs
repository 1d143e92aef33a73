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
use hirelint_rules::{Format, Input, Settings, lint};
use std::hint::black_box;

const RESUME_MD: &str = include_str!("../tests/fixtures/good/resume.md");
const RESUME_YAML: &str = include_str!("../tests/fixtures/good/resume.yaml");
const RESUME_JSON: &str = include_str!("../tests/fixtures/good/resume.json");

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

criterion_group!(benches, bench);
criterion_main!(benches);
