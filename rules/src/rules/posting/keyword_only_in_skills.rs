use crate::posting::{Place, Status};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// With a job posting (`--posting`), flags a keyword of the posting that the resume
    /// names only in its skills section, in no bullet, summary or role.
    ///
    /// ## Why is this bad?
    /// A skills list is a claim; a bullet that uses the skill is evidence. Recruiters look
    /// for where you used what the posting asks for, and many applicant tracking systems
    /// weigh a keyword in context above one in a list. hirelint's match score gives a
    /// keyword found only in the skills list part of the credit.
    ///
    /// ## Example
    /// ```posting
    /// Requirements: Kafka.
    /// ```
    ///
    /// ```markdown
    /// ## Experience
    ///
    /// - Cut checkout latency by 40%
    ///
    /// ## Skills
    ///
    /// - Kafka
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Experience
    ///
    /// - Cut checkout latency by 40% by moving order events to Kafka
    ///
    /// ## Skills
    ///
    /// - Kafka
    /// ```
    pub struct KeywordOnlyInSkills {
        id: "keyword-only-in-skills",
        category: Posting,
        severity: Info,
        fix: None,
    }
}

impl Rule for KeywordOnlyInSkills {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let Some(matched) = cx.posting_match else {
            return;
        };
        for km in &matched.keywords {
            if km.status != Status::Matched || !km.only_in_skills() {
                continue;
            }
            let Some(hit) = km.hits.iter().find(|h| h.place == Place::Skills) else {
                continue;
            };
            sink.report(
                hit.range,
                format!(
                    "Keyword \"{}\" of the posting is only in the skills list",
                    hit.found
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::posting_flagged;

    const R: RuleId = RuleId::KeywordOnlyInSkills;
    const POSTING: &str = "You have: Kafka, PostgreSQL and Terraform.";

    #[test]
    fn flags_keywords_only_in_the_skills_list() {
        let doc =
            "## Experience\n\n- Moved billing to Postgres\n\n## Skills\n\n- Kafka, PostgreSQL\n";
        assert_eq!(
            posting_flagged(R, Format::Markdown, doc, POSTING),
            ["Kafka"]
        );
        let yaml = "work:\n  - position: Engineer\n    highlights:\n      - Moved billing to Postgres\nskills:\n  - name: Data\n    keywords: [Kafka, PostgreSQL]\n";
        assert_eq!(posting_flagged(R, Format::Yaml, yaml, POSTING), ["Kafka"]);
        let json = r#"{"work":[{"position":"Engineer","highlights":["Streamed orders with Kafka"]}],"skills":[{"name":"Data","keywords":["Kafka","PostgreSQL"]}]}"#;
        assert_eq!(
            posting_flagged(R, Format::Json, json, POSTING),
            ["PostgreSQL"]
        );
    }

    #[test]
    fn clean_when_a_bullet_uses_it_or_it_is_missing() {
        let doc = "## Experience\n\n- Streamed orders with Kafka into PostgreSQL\n\n## Skills\n\n- Kafka, PostgreSQL\n";
        assert!(posting_flagged(R, Format::Markdown, doc, POSTING).is_empty());
        assert!(posting_flagged(R, Format::Markdown, "## Skills\n\n- Go\n", POSTING).is_empty());
        let json = r#"{"skills":[{"name":"Data","keywords":["Go"]}]}"#;
        assert!(posting_flagged(R, Format::Json, json, POSTING).is_empty());
    }
}
