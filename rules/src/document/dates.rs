//! Spotting date ranges in role lines ("Jan 2020 – Present", "2019 - 2021").

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

// ASCII mode (`-u`): the dates are ASCII, and a Unicode regex this size costs
// milliseconds to compile on every CLI start.
static DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?ix-u)
        \b(?:
            (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d{2}
          | (?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])(?:[-/.]\d{1,2})?
          | (?:0?[1-9]|1[0-2])[/.](?:19|20)\d{2}
          | (?:spring|summer|fall|autumn|winter)\s+(?:19|20)\d{2}
          | (?:19|20)\d{2}
          | present | current | now | today | ongoing
        )\b",
    )
    .ok()
});

/// The byte range from the first to the last date in `text`, when it has a year.
pub fn date_span(text: &str) -> Option<Range<usize>> {
    let re = DATE.as_ref()?;
    let mut found = re.find_iter(text).peekable();
    let first = found.peek()?.range();
    let mut last = first.clone();
    let mut has_year = false;
    for m in found {
        has_year |= m.as_str().chars().any(|c| c.is_ascii_digit());
        last = m.range();
    }
    has_year.then_some(first.start..last.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ranges() {
        let t = "Engineer, Acme — Jan 2020 – Present";
        assert_eq!(date_span(t).map(|r| &t[r]), Some("Jan 2020 – Present"));
        let t = "2019 - 2021";
        assert_eq!(date_span(t).map(|r| &t[r]), Some("2019 - 2021"));
        assert_eq!(date_span("Built things for the present"), None);
        assert_eq!(date_span("Served 2,000 users"), None);
    }
}
