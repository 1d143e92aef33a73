//! Applying every safe fix converges, never panics, and never breaks a document that
//! parsed (no new syntax errors).
#![no_main]

use hirelint_rules::{Applicability, Format, Input, RuleId, Settings, fix_until_stable, lint};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let settings = Settings::default();
    for format in [Format::Markdown, Format::Yaml, Format::Json] {
        let input = Input { source, format, settings: &settings, posting: None };
        let syntax_errors = |text: &str| {
            lint(&Input { source: text, ..input })
                .diagnostics
                .iter()
                .filter(|d| d.rule == RuleId::SyntaxError)
                .count()
        };
        let fixed = fix_until_stable(&input, Applicability::Safe);
        if fixed.applied > 0 {
            assert!(
                syntax_errors(&fixed.text) <= syntax_errors(source),
                "safe fixes broke {format:?}: {source:?} -> {:?}",
                fixed.text
            );
        }
    }
});
