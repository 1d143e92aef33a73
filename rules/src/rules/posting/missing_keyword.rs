use super::{skills_anchor, skills_insertion};
use crate::diagnostic::{Fix, Related, Severity};
use crate::posting::{Importance, Status};
use crate::rules::{Context, Rule, Sink, declare_rule};
use std::collections::HashSet;

declare_rule! {
    /// ## What it does
    /// With a job posting (`--posting`), flags each keyword of the posting that the resume
    /// never mentions: skills of the taxonomy ("Kubernetes", "PostgreSQL"), technology
    /// names ("ElastiCache", "C++") and terms the posting repeats. Must-haves are warnings,
    /// nice-to-haves (under "Nice to have", "Bonus", "Preferred", or "... is a plus") are
    /// infos. A requirement with alternatives ("Kubernetes or Nomad") is reported once, and
    /// only when the resume names none of them.
    ///
    /// The posting is plain text, Markdown, or the JSON Resume job schema in JSON or YAML.
    /// It is named by `--posting FILE`, else by `posting: FILE` in the resume's front
    /// matter, else by `posting = "FILE"` in `.hirelint.toml`. `hirelint match` lists every
    /// keyword with how it was found and prints the match score (0-100): each requirement
    /// counts once (a group of alternatives once), a must-have three times a nice-to-have,
    /// and a keyword found only in a skills list earns three quarters of its credit.
    ///
    /// ## Why is this bad?
    /// An applicant tracking system ranks resumes by the posting's keywords, and a
    /// recruiter scans for them. The US resume guide asks you to tailor the resume to
    /// each posting: a skill you have but never name is, for the reader, a skill you lack.
    ///
    /// ## Example
    /// ```posting
    /// Requirements: 3+ years of Python and Kafka.
    /// ```
    ///
    /// ```markdown
    /// ## Skills
    ///
    /// - Python, Django
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Skills
    ///
    /// - Python, Django, Kafka
    /// ```
    ///
    /// ## Fix
    /// A suggestion that adds the keyword, in the posting's spelling, to the skills section
    /// in the resume's own format: to the comma list of its last line, as a new list item,
    /// as a new element of a JSON or YAML `keywords` array, or (in Markdown, without a
    /// skills section) as a new "Skills" section at the end. Add only what you can defend
    /// in an interview. The diagnostic's related information points at the line of the
    /// posting that asks for the keyword.
    ///
    /// ## Known limits
    /// Keywords are found by words, aliases and stems, not by meaning: "orchestrated
    /// containers" does not count as "Kubernetes".
    pub struct MissingKeyword {
        id: "missing-keyword",
        category: Posting,
        severity: Warning,
        fix: Sometimes,
    }
}

impl Rule for MissingKeyword {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let (Some(posting), Some(matched)) = (cx.posting, cx.posting_match) else {
            return;
        };
        if cx.resume.is_truncated() {
            return;
        }
        let anchor = skills_anchor(cx);
        let insertion = skills_insertion(cx);
        let mut groups_done = HashSet::new();
        for km in &matched.keywords {
            if km.status != Status::Missing {
                continue;
            }
            let group = posting.keywords.get(km.keyword).and_then(|k| k.group);
            if let Some(g) = group {
                let covered = posting.groups.get(g).is_some_and(|members| {
                    members.iter().any(|&k| {
                        matched
                            .keywords
                            .get(k)
                            .is_some_and(|m| m.status != Status::Missing)
                    })
                });
                if covered || !groups_done.insert(g) {
                    continue;
                }
            }
            let severity = match km.importance {
                Importance::Must => sink.severity(),
                Importance::Nice => Severity::Info,
            };
            let kind = match km.importance {
                Importance::Must => "Keyword",
                Importance::Nice => "Nice-to-have keyword",
            };
            let alternatives: String = km
                .alternatives
                .iter()
                .map(|a| format!(" or \"{a}\""))
                .collect();
            let years = km
                .years
                .map(|y| format!(" ({y}+ years)"))
                .unwrap_or_default();
            let message = format!(
                "{kind} \"{}\"{alternatives}{years} of the posting is not in the resume",
                km.name
            );
            // A job title belongs in a summary or a role, not in the skills list.
            let fixes = insertion
                .iter()
                .filter(|_| !km.title)
                .map(|ins| {
                    Fix::suggestion(
                        format!("Add \"{}\" to the skills section", km.name),
                        vec![ins.edit(&km.name)],
                    )
                })
                .collect();
            let related = km
                .posting
                .iter()
                .take(1)
                .map(|&range| Related {
                    posting_range: range,
                    message: format!("The posting asks for \"{}\" here", km.name),
                })
                .collect();
            sink.report_full(severity, anchor, message, fixes, related);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{Format, Resume};
    use crate::posting::{Posting, PostingFormat, Status};
    use crate::registry::RuleId;
    use crate::testing::{posting_apply_fix, posting_diagnostics, posting_flagged};
    use crate::{Input, Settings, Severity, lint};

    const R: RuleId = RuleId::MissingKeyword;
    const POSTING: &str = "## Requirements\n\n- 4+ years of Python\n- Kubernetes or Docker\n\n## Nice to have\n\n- Terraform\n";

    fn messages(format: Format, text: &str, posting: &str) -> Vec<String> {
        posting_diagnostics(R, format, text, posting)
            .into_iter()
            .map(|d| format!("{}: {}", d.severity, d.message))
            .collect()
    }

    /// The keyword is found once the fix is applied, and the document reads without errors.
    fn assert_fix_reparses(format: Format, text: &str, posting: &str, keyword: &str) -> String {
        let n = posting_diagnostics(R, format, text, posting)
            .iter()
            .position(|d| d.message.contains(&format!("\"{keyword}\"")))
            .unwrap();
        let fixed = posting_apply_fix(R, format, text, posting, n);
        assert_ne!(fixed, text, "no fix offered for:\n{text}");
        let data = crate::data::Data::builtin();
        let resume = Resume::parse(&fixed, format, &data);
        assert!(
            resume.problems.is_empty(),
            "{:?} in:\n{fixed}",
            resume.problems
        );
        let posting = Posting::parse(posting, PostingFormat::Text);
        let m = crate::posting::match_resume(&posting, &resume);
        let km = m.keywords.iter().find(|k| k.name == keyword).unwrap();
        assert_eq!(km.status, Status::Matched, "{keyword} in:\n{fixed}");
        fixed
    }

    #[test]
    fn flags_missing_must_and_nice_haves_once_per_group() {
        let doc = "# Ada\n\n## Skills\n\n- Python, Django\n";
        assert_eq!(
            messages(Format::Markdown, doc, POSTING),
            [
                "warning: Keyword \"Kubernetes\" or \"Docker\" of the posting is not in the resume",
                "info: Nice-to-have keyword \"Terraform\" of the posting is not in the resume",
            ]
        );
        assert_eq!(
            posting_flagged(R, Format::Markdown, doc, POSTING),
            ["Skills", "Skills"]
        );
        let d = &posting_diagnostics(R, Format::Markdown, doc, POSTING)[0];
        assert_eq!(d.related.len(), 1);
        assert_eq!(d.related[0].posting_range.slice(POSTING), "Kubernetes");
    }

    #[test]
    fn an_alternative_satisfies_the_group_and_years_are_named() {
        let doc = "## Skills\n\n- Python, Docker, Terraform\n";
        assert!(messages(Format::Markdown, doc, POSTING).is_empty());
        let doc = "## Skills\n\n- Kubernetes, Terraform\n";
        assert_eq!(
            messages(Format::Markdown, doc, POSTING),
            ["warning: Keyword \"Python\" (4+ years) of the posting is not in the resume"]
        );
    }

    #[test]
    fn quiet_without_a_posting() {
        let settings = Settings::only(&[R]);
        let report = lint(&Input {
            source: "## Skills\n\n- Python\n",
            format: Format::Markdown,
            settings: &settings,
            posting: None,
        });
        assert!(report.diagnostics.is_empty());
        assert!(report.posting.is_none());
    }

    #[test]
    fn nice_to_haves_stay_info_when_the_rule_is_an_error() {
        let mut settings = Settings::only(&[R]);
        settings.set_level(R, crate::RuleLevel::On(Severity::Error));
        let posting = Posting::parse(POSTING, PostingFormat::Text);
        let report = lint(&Input {
            source: "## Skills\n\n- Python, Docker\n",
            format: Format::Markdown,
            settings: &settings,
            posting: Some(&posting),
        });
        let severities: Vec<Severity> = report.diagnostics.iter().map(|d| d.severity).collect();
        assert_eq!(severities, [Severity::Info]);
    }

    #[test]
    fn fix_markdown_comma_list_item_list_and_new_section() {
        let posting = "Requirements: Kafka.";
        let fixed = assert_fix_reparses(
            Format::Markdown,
            "## Skills\n\n- Languages: Python, Go\n",
            posting,
            "Kafka",
        );
        assert_eq!(fixed, "## Skills\n\n- Languages: Python, Go, Kafka\n");
        let fixed = assert_fix_reparses(
            Format::Markdown,
            "## Skills\n\n* Python\n* Go\n\n## Education\n\nBSc\n",
            posting,
            "Kafka",
        );
        assert_eq!(
            fixed,
            "## Skills\n\n* Python\n* Go\n* Kafka\n\n## Education\n\nBSc\n"
        );
        let fixed = assert_fix_reparses(
            Format::Markdown,
            "# Ada\n\n## Experience\n\n- Built Python services",
            posting,
            "Kafka",
        );
        assert_eq!(
            fixed,
            "# Ada\n\n## Experience\n\n- Built Python services\n\n## Skills\n\n- Kafka\n"
        );
    }

    #[test]
    fn fix_yaml_block_list_flow_list_and_details() {
        let posting = "Requirements: Kafka.";
        let fixed = assert_fix_reparses(
            Format::Yaml,
            "basics:\n  name: Ada\nskills:\n  - name: Backend\n    keywords:\n      - Python\n      - Go\n",
            posting,
            "Kafka",
        );
        assert!(fixed.ends_with("      - Go\n      - Kafka\n"), "{fixed}");
        let fixed = assert_fix_reparses(
            Format::Yaml,
            "skills:\n  - name: Backend\n    keywords: [Python, Go]\n",
            posting,
            "Kafka",
        );
        assert!(fixed.contains("[Python, Go, Kafka]"), "{fixed}");
        let fixed = assert_fix_reparses(
            Format::Yaml,
            "cv:\n  name: Ada\n  sections:\n    skills:\n      - label: Languages\n        details: Python, Go\n",
            posting,
            "Kafka",
        );
        assert!(fixed.contains("details: Python, Go, Kafka\n"), "{fixed}");
        let fixed = assert_fix_reparses(
            Format::Yaml,
            "cv:\n  name: Ada\n  sections:\n    technologies:\n      - label: Software\n        details: 'CAD, Simulation'\n",
            posting,
            "Kafka",
        );
        assert!(
            fixed.contains("details: 'CAD, Simulation, Kafka'\n"),
            "{fixed}"
        );
    }

    #[test]
    fn fix_json_keywords_array() {
        let posting = "Requirements: Kafka and C#.";
        let doc =
            r#"{"basics":{"name":"Ada"},"skills":[{"name":"Backend","keywords":["Python","Go"]}]}"#;
        let fixed = assert_fix_reparses(Format::Json, doc, posting, "Kafka");
        assert!(fixed.contains(r#"["Python","Go", "Kafka"]"#), "{fixed}");
        let fixed = assert_fix_reparses(Format::Json, doc, posting, "C#");
        assert!(fixed.contains(r#"["Python","Go", "C#"]"#), "{fixed}");
    }

    #[test]
    fn the_title_of_a_structured_posting_gets_no_skills_fix() {
        let posting = Posting::parse(
            r#"{"title": "Data Engineer", "skills": [{"keywords": ["Kafka"]}]}"#,
            PostingFormat::Structured,
        );
        let settings = Settings::only(&[R]);
        let report = lint(&Input {
            source: "## Skills\n\n- Python\n",
            format: Format::Markdown,
            settings: &settings,
            posting: Some(&posting),
        });
        let fixes: Vec<(String, usize)> = report
            .diagnostics
            .iter()
            .map(|d| (d.message.clone(), d.fixes.len()))
            .collect();
        assert_eq!(
            fixes,
            [
                (
                    "Nice-to-have keyword \"Data Engineer\" of the posting is not in the resume"
                        .to_owned(),
                    0
                ),
                (
                    "Keyword \"Kafka\" of the posting is not in the resume".to_owned(),
                    1
                ),
            ]
        );
    }

    #[test]
    fn json_without_skills_reports_at_the_start_without_a_fix() {
        let doc = r#"{"basics":{"name":"Ada"}}"#;
        let d = posting_diagnostics(R, Format::Json, doc, "Requirements: Kafka.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].range.start(), 0);
        assert!(d[0].fixes.is_empty());
    }
}
