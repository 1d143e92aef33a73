//! Applying every safe fix converges within a few passes and never panics.
#![no_main]

use hirelint_rules::{Applicability, Format, Input, Settings, apply_fixes, lint};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let settings = Settings::default();
    for format in [Format::Markdown, Format::Yaml, Format::Json] {
        let mut text = source.to_owned();
        for _ in 0..10 {
            let report = lint(&Input { source: &text, format, settings: &settings });
            let (next, applied) = apply_fixes(&text, &report.diagnostics, Applicability::Safe);
            if applied == 0 {
                break;
            }
            text = next;
        }
    }
});
