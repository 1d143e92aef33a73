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
