//! Lints one file N times with the default settings: the workload of
//! `scripts/bench-instructions.sh`, which counts instructions under callgrind (a figure that
//! does not move with machine load, unlike wall-clock time).
//!
//! Usage: cargo run --release -p hirelint-rules --example lint_file -- FILE [N [POSTING]]

use hirelint_rules::{Input, Posting, PostingFormat, Settings, detect_format, lint};
use std::hint::black_box;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        return ExitCode::from(2);
    };
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let Ok(source) = std::fs::read_to_string(&path) else {
        return ExitCode::from(2);
    };
    let posting = args.next().map(|p| {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        Posting::parse(&text, PostingFormat::detect(Some(&p), &text))
    });
    let settings = Settings::default();
    let format = detect_format(Some(&path), &source);
    let mut found = 0;
    for _ in 0..times {
        found += lint(black_box(&Input {
            source: &source,
            format,
            settings: &settings,
            posting: posting.as_ref(),
        }))
        .diagnostics
        .len();
    }
    black_box(found);
    ExitCode::SUCCESS
}
