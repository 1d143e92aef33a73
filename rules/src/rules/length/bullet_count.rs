use crate::document::{BlockKind, SectionKind};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a role with more than 8 bullets, and the most recent role (the first one in
    /// the experience section) when it has a single bullet and no description. Sub-bullets
    /// do not count. A role with no bullet at all is left alone: it is often a company
    /// heading above its positions, or a one-line early job.
    ///
    /// ## Why is this bad?
    /// Recruiters read the first few bullets of each role. Beyond six to eight, bullets
    /// compete with each other and the best results get lost; the US resume guide asks
    /// for concise, scannable content without fluff. The other way round, a most recent
    /// role with a single line says little about what you do now, and it is the role a
    /// recruiter reads first.
    ///
    /// ## Example
    /// ```markdown
    /// # Experience
    ///
    /// ### Engineer, Acme — 2021 – Present
    ///
    /// - Cut build times by 40% across 12 repositories
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Experience
    ///
    /// ### Engineer, Acme — 2021 – Present
    ///
    /// - Cut build times by 40% across 12 repositories
    /// - Led a team of 4 that moved 30 services to Kubernetes with no downtime
    /// - Mentored 3 junior engineers through their first on-call rotation
    /// ```
    pub struct BulletCount {
        id: "bullet-count",
        category: Length,
        severity: Warning,
        fix: None,
    }
}

const MAX_BULLETS: usize = 8;

impl Rule for BulletCount {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let resume = cx.resume;
        let mut bullets = vec![0usize; resume.roles.len()];
        let mut described = vec![false; resume.roles.len()];
        for block in &resume.blocks {
            let Some(slot) = block.role else { continue };
            match block.kind {
                BlockKind::Bullet if block.depth == 0 => {
                    if let Some(n) = bullets.get_mut(slot) {
                        *n += 1;
                    }
                }
                BlockKind::Paragraph | BlockKind::Summary => {
                    if let Some(d) = described.get_mut(slot) {
                        *d = true;
                    }
                }
                _ => {}
            }
        }
        let in_experience = |i: usize| {
            resume
                .roles
                .get(i)
                .and_then(|r| r.section)
                .and_then(|s| resume.sections.get(s))
                .is_some_and(|s| s.kind == SectionKind::Experience)
        };
        let most_recent = (0..resume.roles.len()).find(|&i| in_experience(i));
        for (i, role) in resume.roles.iter().enumerate() {
            let count = bullets.get(i).copied().unwrap_or(0);
            let Some(header) = role.header.as_ref() else {
                continue;
            };
            let range = header.span();
            if count > MAX_BULLETS {
                sink.report(
                    range,
                    format!("Role has {count} bullets; recruiters read the first 3 to 6"),
                );
            } else if Some(i) == most_recent
                && count == 1
                && !described.get(i).copied().unwrap_or(false)
            {
                sink.report(range, "Most recent role has 1 bullet; give it 3 to 6");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged, messages};

    const RULE: RuleId = RuleId::BulletCount;

    fn bullets(n: usize) -> String {
        (1..=n)
            .map(|i| format!("- Shipped feature {i} to 40 users\n"))
            .collect()
    }

    #[test]
    fn too_many_bullets_in_every_format() {
        let md = format!(
            "# Experience\n\n### Engineer, Acme — 2021 – Present\n\n{}",
            bullets(9)
        );
        assert_eq!(
            messages(RULE, Format::Markdown, &md),
            ["Role has 9 bullets; recruiters read the first 3 to 6"]
        );
        let items: String = (1..=9)
            .map(|i| format!("      - Shipped feature {i}\n"))
            .collect();
        let yaml = format!(
            "work:\n  - position: Engineer\n    startDate: 2021-01\n    highlights:\n{items}"
        );
        assert_eq!(flagged(RULE, Format::Yaml, &yaml), ["Engineer"]);
        let list: Vec<String> = (1..=9).map(|i| format!("\"Shipped {i}\"")).collect();
        let json = format!(
            r#"{{"work":[{{"position":"Engineer","highlights":[{}]}}]}}"#,
            list.join(",")
        );
        assert_eq!(flagged(RULE, Format::Json, &json), ["Engineer"]);
    }

    #[test]
    fn too_few_only_for_the_most_recent_role() {
        let md = format!(
            "# Experience\n\n### Engineer, Acme — 2021 – Present\n\n{}\n### Intern, Beta — 2019 – 2020\n\n{}",
            bullets(1),
            bullets(1)
        );
        assert_eq!(
            messages(RULE, Format::Markdown, &md),
            ["Most recent role has 1 bullet; give it 3 to 6"]
        );
        let json = r#"{"work":[{"position":"Engineer","highlights":["Shipped 3 apps"]},{"position":"Intern","highlights":["Wrote docs"]}]}"#;
        assert_eq!(flagged(RULE, Format::Json, json), ["Engineer"]);
    }

    #[test]
    fn balanced_roles_and_described_roles_are_clean() {
        let md = format!(
            "# Experience\n\n### Engineer, Acme — 2021 – Present\n\n{}",
            bullets(4)
        );
        assert_clean(RULE, Format::Markdown, &md);
        let yaml = "work:\n  - position: Engineer\n    summary: Ran payments for 2 markets, a team of 5.\n";
        assert_clean(RULE, Format::Yaml, yaml);
        let json = r#"{"work":[{"position":"Engineer","highlights":["A 1","B 2","C 3"]}]}"#;
        assert_clean(RULE, Format::Json, json);
    }
}
