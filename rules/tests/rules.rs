#![allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

//! Registry meta-tests and doc-example tests: every rule is named, filed and documented
//! by the same conventions, and every doc's Example triggers its rule while its
//! Use-instead does not.

use hirelint_rules::document::dates::YearMonth;
use hirelint_rules::{
    ALL_RULES, Category, Format, Input, Posting, PostingFormat, RuleId, Settings, lint,
};

const BANNED_PREFIXES: &[&str] = &["avoid-", "use-", "prefer-", "no-", "do-not-", "consider-"];
const HEADINGS: &[&str] = &[
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Use instead",
];

#[test]
fn ids_are_unique_kebab_case_problem_names() {
    let mut seen = std::collections::HashSet::new();
    for rule in ALL_RULES {
        let id = rule.as_str();
        assert!(seen.insert(id), "duplicate id {id}");
        assert!(
            id.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !id.starts_with('-')
                && !id.ends_with('-')
                && !id.contains("--"),
            "{id} is not kebab-case"
        );
        for prefix in BANNED_PREFIXES {
            assert!(!id.starts_with(prefix), "{id} starts with {prefix}");
        }
        assert!(!id.ends_with("-used"), "{id} ends with -used");
        assert_eq!(id.parse::<RuleId>().ok(), Some(*rule));
    }
}

#[test]
fn categories_and_ids_never_collide() {
    for rule in ALL_RULES {
        assert!(
            Category::parse(rule.as_str()).is_none(),
            "{rule} is also a category"
        );
    }
}

#[test]
fn each_rule_lives_in_its_own_file_under_its_category() {
    for rule in ALL_RULES {
        let meta = rule.meta();
        let path = std::path::Path::new(meta.file);
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let dir = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|s| s.to_str())
            .unwrap_or("");
        assert_eq!(
            stem,
            rule.as_str().replace('-', "_"),
            "{rule}: file {}",
            meta.file
        );
        assert_eq!(dir, meta.category.as_str(), "{rule}: file {}", meta.file);
    }
}

#[test]
fn registry_is_grouped_by_category_and_sorted_within() {
    for pair in ALL_RULES.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let key = |r: RuleId| (r.category(), r.as_str());
        assert!(key(a) < key(b), "{a} should come after {b}");
    }
}

#[test]
fn docs_have_the_required_headings_in_order() {
    for rule in ALL_RULES {
        let doc = rule.meta().doc;
        let mut at = 0;
        for heading in HEADINGS {
            let found = doc.get(at..).and_then(|d| d.find(&format!("{heading}\n")));
            let Some(pos) = found else {
                panic!("{rule}: doc lacks {heading:?} (in order)");
            };
            at += pos + heading.len();
        }
        assert!(!rule.meta().summary().is_empty(), "{rule}: empty summary");
        assert!(
            !rule.meta().summary().contains("Placeholder"),
            "{rule}: placeholder doc"
        );
    }
}

/// The fenced code blocks of a doc section, with their language.
fn code_blocks(doc: &str, heading: &str) -> Vec<(Format, String)> {
    all_blocks(doc, heading)
        .into_iter()
        .filter_map(|(lang, body)| (lang != "posting").then_some((lang, body)))
        .map(|(lang, body)| {
            let format = Format::from_language_id(if lang.is_empty() { "markdown" } else { &lang })
                .unwrap_or_else(|| panic!("unknown code block language {lang:?}"));
            (format, body)
        })
        .collect()
}

/// The job posting of a posting rule's Example: its ```posting block.
fn posting_block(doc: &str) -> Option<String> {
    all_blocks(doc, "## Example")
        .into_iter()
        .find(|(lang, _)| lang == "posting")
        .map(|(_, body)| body)
}

/// The fenced code blocks of a doc section, with their language as written.
fn all_blocks(doc: &str, heading: &str) -> Vec<(String, String)> {
    let Some(start) = doc.find(heading) else {
        return Vec::new();
    };
    let rest = &doc[start + heading.len()..];
    let section = match rest.find("\n## ") {
        Some(end) => &rest[..end],
        None => rest,
    };
    let mut blocks = Vec::new();
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        let Some(lang) = line.trim().strip_prefix("```") else {
            continue;
        };
        let lang = lang.to_owned();
        let mut body = String::new();
        for l in lines.by_ref() {
            if l.trim() == "```" {
                break;
            }
            // Doc comment lines keep the space after `///`.
            body.push_str(l.strip_prefix(' ').unwrap_or(l));
            body.push('\n');
        }
        blocks.push((lang, body));
    }
    blocks
}

fn lint_one(rule: RuleId, format: Format, text: &str) -> usize {
    let posting = posting_block(rule.meta().doc).map(|p| Posting::parse(&p, PostingFormat::Text));
    if rule.category() == Category::Posting {
        assert!(
            posting.is_some(),
            "{rule}: a posting rule's Example needs a ```posting block"
        );
    }
    let mut settings = Settings::only(&[rule]);
    settings.today = Some(YearMonth::new(2026, 11));
    lint(&Input {
        source: text,
        format,
        settings: &settings,
        posting: posting.as_ref(),
    })
    .diagnostics
    .len()
}

#[test]
fn doc_example_triggers_and_use_instead_does_not() {
    for rule in ALL_RULES {
        let doc = rule.meta().doc;
        let examples = code_blocks(doc, "## Example");
        let Some((format, example)) = examples.first() else {
            panic!("{rule}: no code block under Example");
        };
        assert!(
            lint_one(*rule, *format, example) > 0,
            "{rule}: the doc Example does not trigger the rule:\n{example}"
        );
        let good = code_blocks(doc, "## Use instead");
        assert!(!good.is_empty(), "{rule}: no code block under Use instead");
        for (format, block) in good {
            assert_eq!(
                lint_one(*rule, format, &block),
                0,
                "{rule}: the doc's Use instead triggers the rule:\n{block}"
            );
        }
    }
}
