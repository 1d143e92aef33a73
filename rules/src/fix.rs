//! Applying fixes: sorted by position, overlapping edits skipped.

use crate::diagnostic::{Applicability, Diagnostic, Edit};

/// Applies the first fix of each diagnostic whose applicability is at least `min`, skipping
/// any fix whose edits overlap one already taken. Returns the new text and how many fixes
/// were applied.
pub fn apply_fixes(
    source: &str,
    diagnostics: &[Diagnostic],
    min: Applicability,
) -> (String, usize) {
    let mut fixes: Vec<&[Edit]> = diagnostics
        .iter()
        .filter_map(|d| d.fixes.iter().find(|f| f.applicability >= min))
        .map(|f| f.edits.as_slice())
        .filter(|edits| !edits.is_empty())
        .collect();
    fixes.sort_by_key(|edits| edits.iter().map(|e| e.range.start).min().unwrap_or(0));

    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for edits in fixes {
        let overlaps = edits.iter().any(|e| {
            taken.iter().any(|t| {
                e.range.intersects(t.range)
                    || (e.range.start == t.range.start)
                    || (e.range.is_empty() && t.range.contains(e.range.start()))
                    || (t.range.is_empty() && e.range.contains(t.range.start()))
            })
        });
        let valid = edits.iter().all(|e| {
            e.range.end() <= source.len()
                && source.is_char_boundary(e.range.start())
                && source.is_char_boundary(e.range.end())
        });
        if overlaps || !valid {
            continue;
        }
        taken.extend(edits);
        applied += 1;
    }
    taken.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(source.len());
    let mut pos = 0;
    for e in taken {
        out.push_str(source.get(pos..e.range.start()).unwrap_or(""));
        out.push_str(&e.replacement);
        pos = e.range.end();
    }
    out.push_str(source.get(pos..).unwrap_or(""));
    (out, applied)
}

/// How many lint-and-fix passes `fix_until_stable` makes at most.
pub const MAX_FIX_PASSES: usize = 10;

/// The outcome of fixing a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    /// The text after every pass.
    pub text: String,
    /// How many fixes were applied, over all passes.
    pub applied: usize,
}

/// Lints and applies the fixes of at least `min` applicability, again and again, until a
/// pass applies nothing or `MAX_FIX_PASSES` is reached. Overlapping edits wait for the
/// next pass, which sees the text the previous one produced.
pub fn fix_until_stable(input: &crate::Input<'_>, min: Applicability) -> Fixed {
    let mut text = input.source.to_owned();
    let mut applied = 0;
    for _ in 0..MAX_FIX_PASSES {
        let report = crate::lint(&crate::Input {
            source: &text,
            ..*input
        });
        let (next, n) = apply_fixes(&text, &report.diagnostics, min);
        if n == 0 || next == text {
            break;
        }
        text = next;
        applied += n;
    }
    Fixed { text, applied }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, Input, Settings};

    #[test]
    fn safe_fixes_converge_and_leave_nothing_to_fix() {
        let source =
            "# ⭐ Ada ⭐\n\n## Experience\n\n- 🚀 Responsible for payroll ✨ for 40 staff\n";
        let settings = Settings::default();
        let input = Input {
            source,
            format: Format::Markdown,
            settings: &settings,
            posting: None,
        };
        let fixed = fix_until_stable(&input, Applicability::Safe);
        assert_eq!(
            fixed.text,
            "# Ada\n\n## Experience\n\n- Responsible for payroll for 40 staff\n"
        );
        assert_eq!(fixed.applied, 4);
        // Suggestions (the weak opener) are never applied by a safe pass.
        let again = crate::lint(&Input {
            source: &fixed.text,
            ..input
        });
        assert!(again.diagnostics.iter().all(|d| {
            d.fixes
                .iter()
                .all(|f| f.applicability != Applicability::Safe)
        }));
    }

    #[test]
    fn overlapping_edits_are_skipped() {
        let d = |start, end, text: &str| crate::Diagnostic {
            rule: crate::RuleId::DecorativeGlyph,
            severity: crate::Severity::Warning,
            range: crate::TextRange::new(start, end),
            message: String::new(),
            fixes: vec![crate::Fix::safe(
                "x",
                vec![Edit::replace(crate::TextRange::new(start, end), text)],
            )],
            related: Vec::new(),
        };
        let (text, n) = apply_fixes(
            "abcdef",
            &[d(1, 3, "X"), d(2, 4, "Y"), d(4, 5, "Z")],
            Applicability::Safe,
        );
        assert_eq!((text.as_str(), n), ("aXdZf", 2));
    }
}
