use super::{in_code_span, is_own_prose, is_quoted_or_code, looks_like_name};
use crate::data::BUZZWORDS;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags cliches that describe you instead of showing what you did: "results-driven",
    /// "team player", "detail-oriented", "hard-working", "self-starter", "go-getter",
    /// "think outside the box", "proven track record", "rockstar", "guru", "passionate" and
    /// others listed in `rules/data/buzzwords.toml`, in bullets, summaries and paragraphs.
    ///
    /// ## Why is this bad?
    /// Every other resume says it, so a recruiter reads past it: these words are claims
    /// anyone can make, and they take the place of the evidence that would prove them. The
    /// US resume guide asks for "keyword-rich content without fluff" and warns against
    /// "generic descriptions": the keywords an ATS looks for are the skills, tools and
    /// titles of the job posting, never "team player". Show the trait with a result
    /// ("Cut release time from 2 days to 2 hours") and the reader draws the conclusion.
    ///
    /// ## Example
    /// ```markdown
    /// ## Summary
    ///
    /// Results-driven team player with a proven track record in payments.
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Summary
    ///
    /// Backend engineer who cut payment failures by 30% across 12 million transactions.
    /// ```
    ///
    /// ## Known limits
    /// A buzzword capitalized in mid-sentence, or in Title Case before another capitalized
    /// word, is taken for a name ("Rockstar Games", "Team Player Award") and not reported,
    /// nor are words in double quotes, code or links, or in the references and interests
    /// sections. Words such as "dynamic", "leverage" and "synergy" are not listed, because
    /// they have a technical or financial meaning.
    pub struct Buzzword {
        id: "buzzword",
        category: Wording,
        severity: Warning,
        fix: None,
    }
}

impl Rule for Buzzword {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        for (i, block) in cx.resume.blocks.iter().enumerate() {
            if !is_own_prose(cx.resume, block) {
                continue;
            }
            let text = block.text.as_str();
            for m in cx.wording(i, BUZZWORDS) {
                let range = block.text.source_range(m.start..m.end);
                if looks_like_name(text, m.start, m.end)
                    || is_quoted_or_code(text, m.start, m.end)
                    || in_code_span(cx.source, range.start())
                {
                    continue;
                }
                let quoted = text.get(m.start..m.end).unwrap_or("");
                if cx.posting_uses(quoted) {
                    // The posting asks for it: the resume may echo it.
                    continue;
                }
                sink.report(range, format!("Buzzword \"{quoted}\""));
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, diagnostics, flagged, messages};

    const R: RuleId = RuleId::Buzzword;

    fn md(bullet: &str) -> String {
        format!("## Experience\n\n### Analyst, Acme — 2019 – 2022\n\n- {bullet}\n")
    }

    #[test]
    fn flags_buzzwords_in_bullets_and_summaries() {
        let doc = "## Summary\n\nResults-driven team player and self-starter.\n";
        assert_eq!(
            flagged(R, Format::Markdown, doc),
            ["Results-driven", "team player", "self-starter"]
        );
        assert_eq!(
            messages(R, Format::Markdown, doc),
            [
                "Buzzword \"Results-driven\"",
                "Buzzword \"team player\"",
                "Buzzword \"self-starter\""
            ]
        );
        assert_eq!(
            flagged(
                R,
                Format::Markdown,
                &md("Hardworking and detail oriented analyst")
            ),
            ["Hardworking", "detail oriented"]
        );
        assert_eq!(
            flagged(R, Format::Markdown, &md("Known as the team's SEO guru")),
            ["guru"]
        );
        // No fix: the rewrite needs evidence only the user has.
        assert!(
            diagnostics(R, Format::Markdown, doc)
                .iter()
                .all(|d| d.fixes.is_empty())
        );
    }

    #[test]
    fn not_inside_other_words_or_technical_terms() {
        for bullet in [
            "Built dynamic pricing with dynamic programming",
            "Leveraged existing ETL jobs to cut costs by 20%",
            "Realized $2M in cost synergies after the merger",
            "Wrote a setup wizard that works out of the box",
            "Motivated a team of 5 to ship on time",
            "Ran steam players' telemetry pipeline",
            "Set up builds with CMake and Ninja",
            "Shipped 3 titles at Rockstar Games",
            "Won the Team Player Award in 2021",
            "Team Player Award, 2021",
            "Guru Nanak Dev University, B.Tech in Computer Science",
            "Published \"The Passionate Programmer\" review",
            "Configured the `ninja` build for 40 targets",
        ] {
            assert_clean(R, Format::Markdown, &md(bullet));
        }
    }

    #[test]
    fn quiet_on_a_phrase_the_posting_uses() {
        use crate::testing::posting_flagged;
        let posting = "We want a results-driven, detail oriented engineer.";
        let doc = "## Summary\n\nResults-driven, detail-oriented team player.\n";
        assert_eq!(
            posting_flagged(R, Format::Markdown, doc, posting),
            ["team player"]
        );
        let yaml = "basics:\n  summary: Results-driven team player\n";
        assert_eq!(
            posting_flagged(R, Format::Yaml, yaml, posting),
            ["team player"]
        );
        let json = r#"{"basics":{"summary":"Results-driven team player"}}"#;
        assert_eq!(
            posting_flagged(R, Format::Json, json, posting),
            ["team player"]
        );
        // Without the posting, all three are buzzwords.
        assert_eq!(flagged(R, Format::Markdown, doc).len(), 3);
    }

    #[test]
    fn not_in_headings_fields_or_references() {
        assert_clean(
            R,
            Format::Markdown,
            "# Team Player\n\n## References\n\nA true team player and self-starter. — J. Doe\n",
        );
    }

    #[test]
    fn yaml() {
        let doc = "cv:\n  name: Jane Doe\n  sections:\n    summary:\n      - Passionate, results-oriented engineer\n    experience:\n      - company: Acme\n        position: Engineer\n        highlights:\n          - Cut p99 latency by 40%\n";
        assert_eq!(
            flagged(R, Format::Yaml, doc),
            ["Passionate", "results-oriented"]
        );
        assert_clean(
            R,
            Format::Yaml,
            "cv:\n  name: Jane Doe\n  sections:\n    summary:\n      - Engineer who cut p99 latency by 40%\n",
        );
    }

    #[test]
    fn json() {
        let doc = r#"{"basics":{"summary":"Results-driven engineer"},"work":[{"position":"Dev","startDate":"2020-01","highlights":["Go-getter who shipped 3 apps"]}]}"#;
        assert_eq!(
            flagged(R, Format::Json, doc),
            ["Results-driven", "Go-getter"]
        );
        assert_clean(
            R,
            Format::Json,
            r#"{"basics":{"summary":"Engineer who shipped 3 apps"},"work":[{"position":"Dev","highlights":["Shipped 3 apps"]}]}"#,
        );
    }

    #[test]
    fn doc_example_triggers_and_use_instead_does_not() {
        let (example, instead) =
            crate::rules::verbs::weak_opener::doc_examples(super::Buzzword::META.doc);
        let (format, text) = &example[0];
        assert!(!flagged(R, *format, text).is_empty(), "{text}");
        assert!(!instead.is_empty());
        for (format, text) in &instead {
            assert_clean(R, *format, text);
        }
    }
}
