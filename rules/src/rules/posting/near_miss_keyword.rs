use crate::diagnostic::{Edit, Fix};
use crate::posting::{MatchKind, Status};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// With a job posting (`--posting`), flags a word of the resume that is one or two
    /// letters away from a keyword of the posting the resume never spells right:
    /// "Kuberentes" for "Kubernetes", "Promethius" for "Prometheus".
    ///
    /// ## Why is this bad?
    /// An applicant tracking system matches keywords letter for letter: a misspelt
    /// keyword is a missing keyword, and to a recruiter it is a typo in the one word the
    /// job is about.
    ///
    /// ## Example
    /// ```posting
    /// Requirements: Kubernetes.
    /// ```
    ///
    /// ```markdown
    /// - Migrated 40 services to Kuberentes
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// - Migrated 40 services to Kubernetes
    /// ```
    ///
    /// ## Fix
    /// A suggestion that replaces the word with the posting's spelling.
    ///
    /// ## Known limits
    /// Only keywords of one word and six letters or more are compared, and only when the
    /// resume has no correct spelling of them.
    pub struct NearMissKeyword {
        id: "near-miss-keyword",
        category: Posting,
        severity: Warning,
        fix: Sometimes,
    }
}

impl Rule for NearMissKeyword {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let Some(matched) = cx.posting_match else {
            return;
        };
        for km in &matched.keywords {
            if km.status != Status::NearMiss {
                continue;
            }
            for hit in km.hits.iter().filter(|h| h.kind == MatchKind::NearMiss) {
                let fixes = if hit.verbatim {
                    vec![Fix::suggestion(
                        format!("Replace \"{}\" with \"{}\"", hit.found, km.name),
                        vec![Edit::replace(hit.range, km.name.clone())],
                    )]
                } else {
                    Vec::new()
                };
                sink.report_with(
                    hit.range,
                    format!(
                        "Keyword \"{}\" is spelt \"{}\" in the posting",
                        hit.found, km.name
                    ),
                    fixes,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{posting_apply_fix, posting_diagnostics, posting_flagged};

    const R: RuleId = RuleId::NearMissKeyword;
    const POSTING: &str = "Requirements: Kubernetes, Prometheus, Redis and Docker.";

    #[test]
    fn flags_misspellings_with_a_fix() {
        let doc = "- Ran Kuberentes and Promethius on-call\n";
        assert_eq!(
            posting_flagged(R, Format::Markdown, doc, POSTING),
            ["Kuberentes", "Promethius"]
        );
        let d = &posting_diagnostics(R, Format::Markdown, doc, POSTING)[0];
        assert_eq!(
            d.message,
            "Keyword \"Kuberentes\" is spelt \"Kubernetes\" in the posting"
        );
        assert_eq!(
            posting_apply_fix(R, Format::Markdown, doc, POSTING, 0),
            "- Ran Kubernetes and Promethius on-call\n"
        );
        let yaml = "work:\n  - highlights:\n      - Ran Kuberentes clusters\n";
        assert_eq!(
            posting_flagged(R, Format::Yaml, yaml, POSTING),
            ["Kuberentes"]
        );
        let json = r#"{"work":[{"highlights":["Ran Kuberentes clusters"]}]}"#;
        assert_eq!(
            posting_flagged(R, Format::Json, json, POSTING),
            ["Kuberentes"]
        );
    }

    #[test]
    fn clean_when_spelt_right_somewhere_or_short_or_another_word() {
        for doc in [
            "- Ran Kuberentes, then Kubernetes\n",
            "- Used Rediss caching\n",
            "- Filed the docket\n",
            "- Deployed to Kubernetes\n",
        ] {
            assert!(
                posting_flagged(R, Format::Markdown, doc, POSTING).is_empty(),
                "{doc}"
            );
        }
    }
}
