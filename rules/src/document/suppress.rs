//! Suppression comments: `hirelint-disable-next-line`, `hirelint-disable` /
//! `hirelint-enable` blocks and `hirelint-disable-file`, in HTML comments (Markdown) and
//! `#` comments (YAML). No rule list means every rule.

use super::Resume;
use crate::registry::RuleId;
use crate::span::TextRange;

#[derive(Debug, Default)]
pub struct Suppressions {
    /// (range the suppression covers, rules; empty = all)
    spans: Vec<(TextRange, Vec<RuleId>)>,
}

#[derive(Debug, PartialEq, Eq)]
enum Directive {
    NextLine,
    Disable,
    Enable,
    File,
}

/// A parsed suppression comment.
#[derive(Debug)]
pub struct SuppressionComment {
    directive_kind: Directive,
    pub rules: Vec<RuleId>,
    /// Names that are not rule ids.
    pub unknown: Vec<String>,
    pub span: TextRange,
}

pub fn parse_comment(body: &str, span: TextRange) -> Option<SuppressionComment> {
    let body = body.trim();
    let rest = body.strip_prefix("hirelint-")?;
    let (word, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let directive_kind = match word {
        "disable-next-line" => Directive::NextLine,
        "disable" => Directive::Disable,
        "enable" => Directive::Enable,
        "disable-file" => Directive::File,
        _ => return None,
    };
    let mut rules = Vec::new();
    let mut unknown = Vec::new();
    for name in args
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
    {
        match name.parse::<RuleId>() {
            Ok(r) => rules.push(r),
            Err(_) => unknown.push(name.to_owned()),
        }
    }
    Some(SuppressionComment {
        directive_kind,
        rules,
        unknown,
        span,
    })
}

impl Suppressions {
    pub fn new(source: &str, resume: &Resume) -> Suppressions {
        let mut s = Suppressions::default();
        let mut open: Vec<(usize, Vec<RuleId>)> = Vec::new();
        for comment in &resume.comments {
            let Some(c) = parse_comment(&comment.body, comment.span) else {
                continue;
            };
            if !c.unknown.is_empty() && c.rules.is_empty() {
                // Only unknown names: suppress nothing rather than everything.
                continue;
            }
            match c.directive_kind {
                Directive::File => s.spans.push((TextRange::new(0, source.len()), c.rules)),
                Directive::NextLine => {
                    let line_end = source
                        .get(c.span.end()..)
                        .and_then(|rest| rest.find('\n'))
                        .map_or(source.len(), |i| c.span.end() + i + 1);
                    let next_end = source
                        .get(line_end..)
                        .and_then(|rest| rest.find('\n'))
                        .map_or(source.len(), |i| line_end + i);
                    s.spans
                        .push((TextRange::new(line_end, next_end.max(line_end)), c.rules));
                }
                Directive::Disable => open.push((c.span.end(), c.rules)),
                Directive::Enable => {
                    // Closes every open block that names one of these rules (or all).
                    let spans = &mut s.spans;
                    open.retain(|(start, rules)| {
                        let closes = c.rules.is_empty()
                            || rules.is_empty()
                            || rules.iter().any(|r| c.rules.contains(r));
                        if closes {
                            spans.push((TextRange::new(*start, c.span.start()), rules.clone()));
                        }
                        !closes
                    });
                }
            }
        }
        for (start, rules) in open {
            s.spans.push((TextRange::new(start, source.len()), rules));
        }
        s
    }

    pub fn is_suppressed(&self, rule: RuleId, offset: usize) -> bool {
        self.spans.iter().any(|(range, rules)| {
            (range.contains(offset) || (range.is_empty() && range.start() == offset))
                && (rules.is_empty() || rules.contains(&rule))
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::flagged;

    const WEAK: RuleId = RuleId::WeakOpener;

    #[test]
    fn next_line_in_markdown_and_yaml() {
        let md = "## Experience\n\n<!-- hirelint-disable-next-line weak-opener -->\n- Responsible for payroll\n- Responsible for hiring\n";
        assert_eq!(flagged(WEAK, Format::Markdown, md), ["Responsible for"]);
        let yaml = "work:\n  - position: Clerk\n    highlights:\n      # hirelint-disable-next-line weak-opener\n      - Responsible for payroll\n      - Responsible for hiring\n";
        assert_eq!(flagged(WEAK, Format::Yaml, yaml), ["Responsible for"]);
    }

    #[test]
    fn blocks_and_files() {
        let md = "## Experience\n\n<!-- hirelint-disable weak-opener -->\n- Responsible for payroll\n<!-- hirelint-enable weak-opener -->\n\n- Responsible for hiring\n";
        assert_eq!(flagged(WEAK, Format::Markdown, md), ["Responsible for"]);
        let md = "<!-- hirelint-disable-file -->\n## Experience\n\n- Responsible for payroll\n";
        assert!(flagged(WEAK, Format::Markdown, md).is_empty());
        // Another rule's directive leaves this one alone.
        let md = "## Experience\n\n<!-- hirelint-disable-next-line missing-metric -->\n- Responsible for payroll\n";
        assert_eq!(flagged(WEAK, Format::Markdown, md), ["Responsible for"]);
        // Unknown names only: nothing is suppressed, and the name is reported.
        let md = "## Experience\n\n<!-- hirelint-disable-next-line weak-openers -->\n- Responsible for payroll\n";
        assert_eq!(flagged(WEAK, Format::Markdown, md), ["Responsible for"]);
        assert_eq!(
            crate::testing::messages(RuleId::SyntaxError, Format::Markdown, md),
            [
                "Suppression comment names an unknown rule \"weak-openers\"; did you mean \"weak-opener\"?"
            ]
        );
    }
}
