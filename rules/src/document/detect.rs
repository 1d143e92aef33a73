//! Which format a file is in, and whether it is a resume at all.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Format {
    #[default]
    Markdown,
    Yaml,
    Json,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Yaml => "yaml",
            Format::Json => "json",
        }
    }

    /// From an LSP language id or a format name.
    pub fn from_language_id(id: &str) -> Option<Format> {
        match id.to_ascii_lowercase().as_str() {
            "markdown" | "md" | "text" | "plaintext" | "txt" => Some(Format::Markdown),
            "yaml" | "yml" => Some(Format::Yaml),
            "json" | "jsonc" => Some(Format::Json),
            _ => None,
        }
    }
}

/// The format of a file, from its name (extension) first, then its content.
pub fn detect_format(file_name: Option<&str>, source: &str) -> Format {
    if let Some(name) = file_name {
        let lower = name.to_ascii_lowercase();
        if let Some(ext) = lower.rsplit_once('.').map(|(_, e)| e)
            && let Some(format) = Format::from_language_id(ext)
        {
            return format;
        }
    }
    let trimmed = source.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        Format::Json
    } else if (trimmed.starts_with("---") && !looks_like_front_matter(trimmed))
        || trimmed
            .lines()
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .is_some_and(|l| {
                let l = l.trim_end();
                // `key:` or `key: value` on the first content line, with no Markdown markers.
                l.split_once(':').is_some_and(|(k, _)| {
                    !k.is_empty()
                        && k.chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == ' ')
                        && !k.contains("  ")
                }) && !l.starts_with('-')
            })
            && trimmed.lines().any(|l| l.starts_with("  "))
    {
        Format::Yaml
    } else {
        Format::Markdown
    }
}

fn looks_like_front_matter(s: &str) -> bool {
    // `---\n...\n---\n` followed by more text: Markdown with front matter.
    let mut lines = s.lines().skip(1);
    lines.any(|l| l.trim_end() == "---") && s.lines().skip(1).any(|l| l.starts_with('#'))
}

/// Whether a file name alone marks a resume: `resume*`, `cv*`, `*-resume.*`, `*_cv.*`.
pub fn looks_like_resume(file_name: &str) -> bool {
    let base = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(file_name)
        .to_ascii_lowercase();
    let stem = base.split('.').next().unwrap_or(&base);
    stem.split(|c: char| !c.is_alphanumeric()).any(|word| {
        let digits_after = |prefix: &str| {
            word.strip_prefix(prefix)
                .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit()))
        };
        matches!(word, "résumé" | "vita" | "lebenslauf" | "curriculum")
            || digits_after("resume")
            || digits_after("cv")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_extension() {
        assert_eq!(detect_format(Some("resume.md"), ""), Format::Markdown);
        assert_eq!(detect_format(Some("cv.YAML"), ""), Format::Yaml);
        assert_eq!(detect_format(Some("a.yml"), ""), Format::Yaml);
        assert_eq!(detect_format(Some("resume.json"), ""), Format::Json);
    }

    #[test]
    fn format_from_content() {
        assert_eq!(detect_format(None, "{\"basics\": {}}"), Format::Json);
        assert_eq!(detect_format(None, "basics:\n  name: Ada\n"), Format::Yaml);
        assert_eq!(detect_format(None, "# Ada\n\n- item\n"), Format::Markdown);
        assert_eq!(
            detect_format(None, "---\ntitle: x\n---\n# Ada\n"),
            Format::Markdown
        );
    }

    #[test]
    fn resume_file_names() {
        for name in [
            "resume.md",
            "Resume-2024.yaml",
            "cv.json",
            "jane_doe_resume.md",
            "my-cv.md",
            "docs/CV.md",
        ] {
            assert!(looks_like_resume(name), "{name}");
        }
        for name in [
            "README.md",
            "notes.md",
            "cvs-report.md",
            "curve.yaml",
            "recv.json",
        ] {
            assert!(!looks_like_resume(name), "{name}");
        }
    }
}
