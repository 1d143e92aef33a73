pub mod contact_not_at_top;
pub mod decorative_glyph;
pub mod embedded_image;
pub mod missing_contact;
pub mod missing_section;
pub mod nonstandard_heading;
pub mod raw_html;
pub mod table_layout;

/// Checks a rule's doc: the first block under "## Example" triggers the rule, and every
/// block under "## Use instead" does not.
#[cfg(test)]
#[track_caller]
pub(crate) fn check_doc(rule: crate::registry::RuleId, doc: &str) {
    use crate::document::Format;
    use crate::testing::{assert_clean, flagged};
    let section = |name: &str| -> Vec<(Format, String)> {
        let body = doc
            .split(name)
            .nth(1)
            .and_then(|s| s.split("\n## ").next())
            .unwrap_or("");
        let mut blocks = Vec::new();
        let mut current: Option<(Format, String)> = None;
        for line in body.lines() {
            let line = line.strip_prefix(' ').unwrap_or(line);
            if let Some(lang) = line.strip_prefix("```") {
                match current.take() {
                    Some(block) => blocks.push(block),
                    None => {
                        let format = match lang.trim() {
                            "yaml" => Format::Yaml,
                            "json" => Format::Json,
                            _ => Format::Markdown,
                        };
                        current = Some((format, String::new()));
                    }
                }
            } else if let Some((_, text)) = current.as_mut() {
                text.push_str(line);
                text.push('\n');
            }
        }
        blocks
    };
    let examples = section("## Example\n");
    assert!(!examples.is_empty(), "{rule}: no example block");
    if let Some((format, example)) = examples.first() {
        assert!(
            !flagged(rule, *format, example).is_empty(),
            "{rule}: the example does not trigger the rule:\n{example}"
        );
    }
    let clean = section("## Use instead\n");
    assert!(!clean.is_empty(), "{rule}: no use-instead block");
    for (format, block) in clean {
        assert_clean(rule, format, &block);
    }
}
