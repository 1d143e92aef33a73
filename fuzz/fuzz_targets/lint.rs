//! Linting never panics, and every range lies inside the text on char boundaries, for any
//! input in any format.
#![no_main]

use hirelint_rules::{Format, Input, Settings, lint};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let settings = Settings::default();
    for format in [Format::Markdown, Format::Yaml, Format::Json] {
        let report = lint(&Input { source, format, settings: &settings, posting: None });
        assert!(report.failed_rules.is_empty(), "rules panicked: {:?}", report.failed_rules);
        for d in &report.diagnostics {
            let ranges = std::iter::once(d.range)
                .chain(d.fixes.iter().flat_map(|f| f.edits.iter().map(|e| e.range)));
            for r in ranges {
                assert!(r.end() <= source.len(), "{} out of range", d.rule);
                assert!(source.is_char_boundary(r.start()) && source.is_char_boundary(r.end()));
            }
        }
    }
});
