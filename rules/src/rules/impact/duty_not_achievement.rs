use crate::data::Duties;
use crate::diagnostic::{Edit, Fix};
use crate::document::{BlockKind, SectionKind};
use crate::rules::impact::missing_metric::{
    append_point, excerpt, has_metric, has_metric_char, is_number_word, is_recognition_word,
};
use crate::rules::verbs::weak_opener::Tok;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags an achievement bullet that states a duty and nothing that changed because of
    /// it: "In charge of the monthly report", "Duties included payroll", "Handled customer
    /// calls", "Maintenance of the build server". A duty is a bullet that opens with duty
    /// phrasing ("Responsible for", "In charge of", "Tasked with", "Handled", "Served as",
    /// "Duties:", "Key responsibilities included", or a duty noun such as "Maintenance of",
    /// "Management of", "Oversight of"); it has an outcome when it holds a number (a
    /// frequency such as "monthly" says how often, not what changed), a result phrase ("so
    /// that", "resulting in", "leading to", "thereby"), a word of change after the duty
    /// ("…, cutting refunds", "…, which reduced churn", "faster"), a recognition ("award",
    /// "promoted"), or sub-bullets that do. The phrases are in `rules/data/duties.toml`.
    ///
    /// Several rules look at the same bullets, and a bullet gets one diagnostic for the
    /// same words. `duty-not-achievement` owns a duty with no outcome, the whole bullet:
    /// when it reports a bullet, `weak-opener` (for its "Responsible for" or "Handled"),
    /// `missing-action-verb` (for its "Maintenance") and `missing-metric` (for its lack of
    /// a number) leave that bullet alone, since what it lacks is an outcome, which a better
    /// verb does not supply. Once the bullet says what changed, `weak-opener` still
    /// reports a weak opening ("Responsible for cutting refunds by 20%"), and a bullet that
    /// opens with an action verb but has no number is `missing-metric`'s. With
    /// `duty-not-achievement` turned off, the other three report these bullets as before.
    ///
    /// ## Why is this bad?
    /// The US resume guide lists "listing only job duties without quantifiable achievements
    /// or impact" first among its resume killers, and warns against "generic descriptions
    /// of your responsibilities": recruiters and ATS "rank resumes higher when they see
    /// impact (e.g. 'Increased conversion by 20%') instead of duties". A duty says what the
    /// job was; every holder of the job could write it. What you changed in it is what sets
    /// you apart.
    ///
    /// ## Example
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - In charge of the monthly payroll report
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - In charge of the monthly payroll report, which cut the close from 10 days to 6
    /// - Rebuilt the payroll report so that managers could approve hours the same day
    /// ```
    ///
    /// ```yaml
    /// work:
    ///   - position: Support Agent
    ///     startDate: 2019-01
    ///     highlights:
    ///       - Handled billing calls, resulting in fewer escalations to finance
    /// ```
    ///
    /// ## Fix
    /// Suggestions that append a placeholder outcome, never an invented one: ", resulting
    /// in [X]" or ", cutting [X] by [N]%". `unfilled-placeholder` then reports the
    /// placeholder until you write what changed. A better verb alone is not offered: "Owned
    /// the monthly report" is still a duty.
    ///
    /// ## Known limits
    /// Only bullets are read, not a role's description paragraph; only duty phrasing at
    /// the start of the bullet, and only the outcomes listed: "Responsible for the
    /// pipeline that now ships every commit" is reported. "Answered customer calls" is a
    /// duty in the past tense that this rule does not see (`missing-metric` reports it
    /// when it has four words or more). A word of change counts wherever it follows the
    /// duty, so "Responsible for the team that improved onboarding" passes. Project
    /// bullets, which describe the project, are left alone. When the rule is on but a
    /// comment disables it on a line, the three other rules still leave that bullet to it.
    pub struct DutyNotAchievement {
        id: "duty-not-achievement",
        category: Impact,
        severity: Warning,
        fix: Sometimes,
    }
}

impl Rule for DutyNotAchievement {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        for (i, block) in cx.resume.blocks.iter().enumerate() {
            if !cx.is_unmet_duty(i) {
                continue;
            }
            let text = block.text.as_str();
            let fixes = append_point(cx, &block.text).map_or_else(Vec::new, |at| {
                OUTCOME_PLACEHOLDERS
                    .iter()
                    .map(|p| {
                        Fix::suggestion(
                            format!("Add a placeholder outcome: \"…{p}\""),
                            vec![Edit::insert(at, *p)],
                        )
                    })
                    .collect()
            });
            sink.report_with(
                block.text.source_range(0..text.len()),
                format!("Duty with no outcome: \"{}\"", excerpt(text, 8)),
                fixes,
            );
        }
    }
}

/// What the fixes append: an outcome for the author to fill in, which
/// `unfilled-placeholder` reports until then.
const OUTCOME_PLACEHOLDERS: &[&str] = &[", resulting in [X]", ", cutting [X] by [N]%"];

/// Frequencies: how often a duty recurs, not a result.
const CADENCE: &[&str] = &[
    "annually",
    "daily",
    "hourly",
    "monthly",
    "quarterly",
    "weekly",
    "yearly",
];

/// Words before a duty phrase: "I was responsible for", "Have been in charge of".
const LEAD_WORDS: &[&str] = &[
    "am", "are", "been", "had", "has", "have", "i", "is", "was", "we", "were",
];

/// One flag per block of `resume.blocks`: an achievement bullet that states a duty and no
/// outcome (what `duty-not-achievement` reports).
pub(crate) fn unmet_duty_flags(cx: &Context<'_>) -> Vec<bool> {
    let blocks = &cx.resume.blocks;
    (0..blocks.len())
        .map(|i| {
            blocks.get(i).is_some_and(|block| {
                cx.is_achievement(i)
                    && cx.resume.section_kind(block) != Some(SectionKind::Projects)
                    && is_unmet_duty(cx, i)
            })
        })
        .collect()
}

fn is_unmet_duty(cx: &Context<'_>, i: usize) -> bool {
    let Some(block) = cx.resume.blocks.get(i) else {
        return false;
    };
    let text = block.text.as_str();
    // "Duties included:" introduces sub-bullets, which say the rest.
    if text.trim_end().ends_with(':') {
        return false;
    }
    let toks = cx.tokens(i);
    let Some(first) = toks.first() else {
        return false;
    };
    if text
        .get(..first.start)
        .is_none_or(|lead| lead.chars().any(char::is_alphanumeric))
    {
        return false;
    }
    let duties = &cx.data().duties;
    let Some(end) = duty_phrase(duties, text, toks) else {
        return false;
    };
    // The duty must name something: "Handled" alone is not a bullet worth reading.
    if end >= toks.len() {
        return false;
    }
    if states_outcome(duties, text, toks, end) {
        return false;
    }
    // The outcome may sit in the bullet's sub-bullets.
    let details = cx
        .resume
        .blocks
        .iter()
        .skip(i + 1)
        .take_while(|b| b.kind == BlockKind::Bullet && b.depth > 0);
    for detail in details {
        let t = detail.text.as_str();
        let dtoks = crate::rules::verbs::weak_opener::tokens(t);
        if has_metric(t) || states_outcome(duties, t, &dtoks, 0) {
            return false;
        }
    }
    true
}

/// The index of the first token after the duty phrase that opens the bullet, if one does.
fn duty_phrase(duties: &Duties, text: &str, toks: &[Tok<'_>]) -> Option<usize> {
    let mut k = 0;
    while k < 3
        && toks
            .get(k)
            .is_some_and(|t| LEAD_WORDS.contains(&t.lower_str()))
    {
        k += 1;
    }
    let rest = toks.get(k..)?;
    if let Some(n) = duties.opener_len(rest.iter().map(Tok::lower_str)) {
        return Some(k + n);
    }
    let mut j = k;
    if toks
        .get(j)
        .is_some_and(|t| duties.is_qualifier(t.lower_str()))
    {
        j += 1;
    }
    let noun = toks.get(j).filter(|t| duties.is_noun(t.lower_str()))?;
    if text.get(noun.end..).is_some_and(|r| r.starts_with(':')) {
        return Some(j + 1);
    }
    toks.get(j + 1)
        .filter(|t| duties.is_link(t.lower_str()))
        .map(|_| j + 2)
}

/// Whether the bullet says what changed: a number other than a frequency, a result
/// phrase, a recognition, or a word of change after the duty phrase (which ends before
/// token `end`) that is neither its object nor an aim ("to reduce").
fn states_outcome(duties: &Duties, text: &str, toks: &[Tok<'_>], end: usize) -> bool {
    if has_metric_char(text) || !duties.outcomes(text).is_empty() {
        return true;
    }
    toks.iter().enumerate().any(|(n, t)| {
        let w = t.lower_str();
        (is_number_word(w) && !CADENCE.contains(&w))
            || w.split('-').any(is_recognition_word)
            || (duties.is_change_word(w)
                && (end == 0 || n > end)
                && n.checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .is_none_or(|p| p.lower_str() != "to"))
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged, lint_with, messages, only};

    const R: RuleId = RuleId::DutyNotAchievement;

    fn md(bullets: &str) -> String {
        format!("# Experience\n\n**Analyst**, Acme | 2019 – 2022\n\n{bullets}")
    }

    fn flags(bullet: &str) -> bool {
        !flagged(R, Format::Markdown, &md(&format!("- {bullet}\n"))).is_empty()
    }

    #[test]
    fn flags_duties_from_the_brief() {
        for bullet in [
            "In charge of the monthly report",
            "Duties included payroll",
            "Handled customer calls",
            "Maintenance of the build server",
            "Responsible for reducing costs",
            "I was responsible for the payroll system",
            "Day-to-day management of the front office",
            "Key responsibilities: payroll, invoicing and vendor calls",
            "Administration of the sales team's accounts during the quarterly close",
            "Tasked with a plan to reduce churn",
            "Served as the point of contact for vendors",
            "Handles escalations from enterprise customers",
        ] {
            assert!(flags(bullet), "{bullet}");
        }
    }

    #[test]
    fn message_and_range() {
        let doc = md("- In charge of the monthly report for the regional office and the board\n");
        assert_eq!(
            flagged(R, Format::Markdown, &doc),
            ["In charge of the monthly report for the regional office and the board"]
        );
        assert_eq!(
            messages(R, Format::Markdown, &doc),
            ["Duty with no outcome: \"In charge of the monthly report for the…\""]
        );
    }

    #[test]
    fn an_outcome_clears_the_duty() {
        for bullet in [
            "In charge of the monthly report, which cut the close from ten days to six",
            "Handled customer calls, resulting in fewer escalations",
            "Responsible for the release process so that teams could ship on Fridays",
            "Handled refunds and reduced chargebacks",
            "Maintenance of the build server, making builds faster",
            "Responsible for payroll of 400 staff",
            "Handled the migration to Postgres 16",
            "Responsible for the award-winning onboarding flow",
            "Managed the payroll system for the company",
            "Handled",
        ] {
            assert!(!flags(bullet), "{bullet}");
        }
    }

    #[test]
    fn not_duties() {
        for bullet in [
            "Supported the sales team during the close",
            "Monitoring dashboards for the platform team",
            "Worked on the billing system",
            "In 2021, rebuilt the billing pipeline",
            "Management consulting for retail clients",
            // A feature that was added, not a duty.
            "Support for ARM64 builds in the installer",
        ] {
            assert!(!flags(bullet), "{bullet}");
        }
        // A lead-in to sub-bullets, and a duty whose sub-bullet says what changed.
        assert_clean(
            R,
            Format::Markdown,
            &md(
                "- Duties included:\n  - payroll\n- Responsible for payroll\n  - Cut errors by a third\n",
            ),
        );
        // Not achievements: skills, education, projects.
        assert_clean(
            R,
            Format::Markdown,
            "# Skills\n\n- Handled customer calls in three languages\n\n# Projects\n\n**hirelint** | 2024\n\n- Handles resumes in Markdown and YAML\n",
        );
    }

    #[test]
    fn placeholder_fixes_in_every_format() {
        use crate::testing::{apply_fix, fix_titles};
        let doc = md("- Handled customer calls.\n");
        assert_eq!(
            fix_titles(R, Format::Markdown, &doc),
            [
                "Add a placeholder outcome: \"…, resulting in [X]\"",
                "Add a placeholder outcome: \"…, cutting [X] by [N]%\""
            ]
        );
        let fixed = apply_fix(R, Format::Markdown, &doc, 0);
        assert!(
            fixed.ends_with("- Handled customer calls, resulting in [X].\n"),
            "{fixed}"
        );
        assert_clean(R, Format::Markdown, &fixed);
        let yaml = "work:\n  - position: Agent\n    highlights:\n      - Handled customer calls\n";
        let fixed = apply_fix(R, Format::Yaml, yaml, 1);
        assert!(
            fixed.contains("- Handled customer calls, cutting [X] by [N]%\n"),
            "{fixed}"
        );
        assert!(crate::testing::diagnostics(RuleId::SyntaxError, Format::Yaml, &fixed).is_empty());
        let json = r#"{"work":[{"position":"Agent","highlights":["Handled customer calls"]}]}"#;
        let fixed = apply_fix(R, Format::Json, json, 0);
        assert!(
            fixed.contains(r#""Handled customer calls, resulting in [X]""#),
            "{fixed}"
        );
        assert!(crate::testing::diagnostics(RuleId::SyntaxError, Format::Json, &fixed).is_empty());
        // No fix inside a YAML flow sequence, where "[" is syntax.
        let flow = "work:\n  - position: Agent\n    highlights: [Handled customer calls, Cut costs by 5%]\n";
        let d = crate::testing::diagnostics(R, Format::Yaml, flow);
        assert_eq!(d.len(), 1);
        assert!(d[0].fixes.is_empty());
    }

    #[test]
    fn yaml_and_json() {
        let yaml = "work:\n  - position: Agent\n    startDate: 2019-01\n    highlights:\n      - Handled customer calls\n      - Handled customer calls, resulting in fewer escalations\n";
        assert_eq!(flagged(R, Format::Yaml, yaml), ["Handled customer calls"]);
        let json = r#"{"work":[{"position":"Agent","startDate":"2019-01","highlights":["Duties included payroll","Cut payroll errors by 30%"]}]}"#;
        assert_eq!(flagged(R, Format::Json, json), ["Duties included payroll"]);
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"position":"Agent","highlights":["Handled refunds, cutting chargebacks"]}]}"#,
        );
    }

    fn with_rules(rules: &[RuleId], format: Format, text: &str) -> Vec<Diagnostic> {
        lint_with(&only(rules), format, text)
    }

    #[test]
    fn one_diagnostic_per_duty_bullet() {
        let all = [
            R,
            RuleId::WeakOpener,
            RuleId::MissingMetric,
            RuleId::MissingActionVerb,
            RuleId::PassiveVoice,
            RuleId::TenseMismatch,
            RuleId::RepeatedOpener,
        ];
        for bullet in [
            "Responsible for managing the payroll of the company",
            "I was tasked with the payroll of the whole company",
            "Maintenance of the build server for the whole team",
            "Handled customer calls for the billing department",
        ] {
            let doc = md(&format!("- {bullet}\n"));
            let rules: Vec<RuleId> = with_rules(&all, Format::Markdown, &doc)
                .iter()
                .map(|d| d.rule)
                .collect();
            assert_eq!(rules, [R], "{bullet}");
            // Without this rule the others report the bullet as before.
            assert!(
                !with_rules(&all[1..], Format::Markdown, &doc).is_empty(),
                "{bullet}"
            );
        }
        // With an outcome, the weak opener is weak-opener's again.
        let doc = md("- Responsible for the payroll, cutting errors by 30%\n");
        let rules: Vec<RuleId> = with_rules(&all, Format::Markdown, &doc)
            .iter()
            .map(|d| d.rule)
            .collect();
        assert_eq!(rules, [RuleId::WeakOpener]);
        let json = r#"{"work":[{"position":"Agent","startDate":"2019-01","highlights":["Responsible for the support inbox of the team"]}]}"#;
        let rules: Vec<RuleId> = with_rules(&all, Format::Json, json)
            .iter()
            .map(|d| d.rule)
            .collect();
        assert_eq!(rules, [R]);
    }

    #[test]
    fn doc_example_triggers_and_use_instead_does_not() {
        let (example, instead) =
            crate::rules::verbs::weak_opener::doc_examples(super::DutyNotAchievement::META.doc);
        let (format, text) = &example[0];
        assert!(!flagged(R, *format, text).is_empty(), "{text}");
        assert!(instead.len() >= 2);
        for (format, text) in &instead {
            assert_clean(R, *format, text);
        }
    }
}
