use super::{in_code_span, is_own_prose};
use crate::data::TECH_NAMES;
use crate::diagnostic::{Edit, Fix};
use crate::document::{BlockKind, SectionKind};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a technology name written in the wrong case or spelt the wrong way:
    /// "Javascript", "github", "postgresql", "Nodejs", "Postgress". The names and their
    /// usual misspellings are in `rules/data/tech_names.toml`. Names in URLs, email
    /// addresses, file names, code spans and quotes are left alone, and so is a name in
    /// capitals ("JAVASCRIPT" in an all-caps heading).
    ///
    /// ## Why is this bad?
    /// A recruiter who reads "Javascript" or "Postgress" sees carelessness in the one
    /// place a developer is expected to be exact, and an ATS that matches the posting's
    /// keywords literally may miss a misspelt one. The US resume guide asks for clear,
    /// keyword-rich skills.
    ///
    /// ## Example
    /// ```markdown
    /// # Experience
    ///
    /// - Rebuilt the checkout in Javascript and Postgress for 2,000 stores
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Experience
    ///
    /// - Rebuilt the checkout in JavaScript and PostgreSQL for 2,000 stores
    /// - Published the code on [GitHub](https://github.com/ada/checkout)
    /// ```
    ///
    /// ## Fix
    /// A safe fix writes the name as its makers do.
    pub struct MiscasedTechnology {
        id: "miscased-technology",
        category: Wording,
        severity: Warning,
        fix: Always,
    }
}

impl Rule for MiscasedTechnology {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let names = &cx.data().tech_names;
        for (i, block) in cx.resume.blocks.iter().enumerate() {
            // Headings and skill lists count too: that is where technology names live.
            let skills = block.kind == BlockKind::Field
                && (cx.resume.section_kind(block) == Some(SectionKind::Skills)
                    || block
                        .key
                        .as_deref()
                        .is_some_and(|k| matches!(k, "keywords" | "technologies" | "tools")));
            if !(is_own_prose(cx.resume, block) || block.kind == BlockKind::Heading || skills) {
                continue;
            }
            let text = block.text.as_str();
            for m in cx.wording(i, TECH_NAMES) {
                let Some(name) = names.canonical(m.index) else {
                    continue;
                };
                let Some(written) = text.get(m.start..m.end) else {
                    continue;
                };
                let range = block.text.source_range(m.start..m.end);
                if written == name
                    || shouting(written, name)
                    || capitalized_start(written, name)
                    || in_address(text, m.start, m.end)
                    || in_code_span(cx.source, range.start())
                    || !block.text.is_verbatim(m.start..m.end)
                {
                    continue;
                }
                sink.report_with(
                    range,
                    format!("\"{written}\" is spelt \"{name}\""),
                    vec![Fix::safe(
                        format!("Write \"{name}\""),
                        vec![Edit::replace(range, name)],
                    )],
                );
            }
        }
    }
}

/// "JAVASCRIPT" in capitals is emphasis, not a misspelling.
fn shouting(written: &str, name: &str) -> bool {
    written.chars().any(char::is_alphabetic)
        && !written.chars().any(char::is_lowercase)
        && name.chars().any(char::is_lowercase)
}

/// "Scikit-learn" opening a sentence for a name that starts in lowercase.
fn capitalized_start(written: &str, name: &str) -> bool {
    let mut w = written.chars();
    let mut n = name.chars();
    match (w.next(), n.next()) {
        (Some(a), Some(b)) => b.is_lowercase() && a == b.to_ascii_uppercase() && w.eq(n),
        _ => false,
    }
}

/// Part of a URL, an email address, a path, a file name or a quoted title:
/// "github.com/ada", "ada@github.io", "package.json", "\"Javascript for Kids\"".
fn in_address(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let quotes = before.matches(['"', '“', '”', '`']).count();
    if quotes % 2 == 1 {
        return true;
    }
    let chunk_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let after = text.get(end..).unwrap_or("");
    let chunk_end = after
        .find(char::is_whitespace)
        .map_or(text.len(), |i| end + i);
    let chunk = text.get(chunk_start..chunk_end).unwrap_or("");
    if chunk.contains(['@', '/', '\\', '_', '=', '#', ':']) && !chunk.ends_with(':') {
        return true;
    }
    // A dot that joins the name to more letters: a domain or a file name.
    let joined = |s: &str| s.chars().next().is_some_and(char::is_alphanumeric);
    after.strip_prefix('.').is_some_and(joined) || before.ends_with('.') && start > chunk_start
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{apply_fix, assert_clean, flagged, messages};

    const R: RuleId = RuleId::MiscasedTechnology;

    #[test]
    fn flags_miscased_and_misspelt_names_in_every_format() {
        let md = "# Experience\n\n- Built it in Javascript, nodejs and Postgress on github\n";
        assert_eq!(
            flagged(R, Format::Markdown, md),
            ["Javascript", "nodejs", "Postgress", "github"]
        );
        assert_eq!(
            messages(R, Format::Markdown, md)[0],
            "\"Javascript\" is spelt \"JavaScript\""
        );
        let yaml =
            "work:\n  - position: Dev\n    highlights:\n      - \"Moved 3 apps to Typescript\"\n";
        assert_eq!(flagged(R, Format::Yaml, yaml), ["Typescript"]);
        let json = r#"{"skills":[{"name":"Web","keywords":["Javascript","mongodb"]}],"basics":{"summary":"Kubernetes and Mongodb admin"}}"#;
        assert_eq!(
            flagged(R, Format::Json, json),
            ["Javascript", "mongodb", "Mongodb"]
        );
    }

    #[test]
    fn the_safe_fix_writes_the_name() {
        let md = "# Skills\n\n- Javascript, postgresql\n";
        assert_eq!(
            apply_fix(R, Format::Markdown, md, 0),
            "# Skills\n\n- JavaScript, postgresql\n"
        );
        let yaml = "basics:\n  summary: 'Ten years of Javascript'\n";
        assert_eq!(
            apply_fix(R, Format::Yaml, yaml, 0),
            "basics:\n  summary: 'Ten years of JavaScript'\n"
        );
    }

    #[test]
    fn addresses_code_quotes_and_capitals_are_left_alone() {
        let md = "# Experience\n\n- Code at github.com/ada and ada@github.io, config in `nodejs.conf`\n- Wrote \"Javascript for Kids\" for 3 schools\n\n## JAVASCRIPT PROJECTS\n\n- Scikit-learn models for 4 teams\n";
        assert_clean(R, Format::Markdown, md);
        assert_clean(R, Format::Yaml, "basics:\n  url: https://github.com/ada\n");
        assert_clean(R, Format::Json, r#"{"basics":{"email":"ada@github.io"}}"#);
    }
}
