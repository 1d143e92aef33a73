use crate::data::PersonalItem;
use crate::document::{Block, BlockKind};
use crate::rules::layout::embedded_image::field_range;
use crate::rules::{Context, Rule, Sink, declare_rule};
use crate::span::TextRange;
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags personal details that employers in your market should not see: photo, date of
    /// birth, age, marital status, nationality, religion, gender, and national ID numbers
    /// (Social Security, passport, national insurance numbers). The message names the item.
    ///
    /// It looks for labelled lines and items ("Date of Birth: 1990-01-01", "Born 1 May
    /// 1990", "Marital status: Married", "性别：男"), a whole table cell that is a label,
    /// standalone header items ("杭州，男，1989年"), the US Social Security number pattern
    /// (123-45-6789), YAML / JSON keys (`birthDate`, `dob`, `gender`, `maritalStatus`,
    /// `nationality`, `religion`, `age`, and the photo keys `basics.image`, `picture`,
    /// `photo`), and images that are headshots. A headshot is reported here, not also by
    /// `embedded-image`.
    ///
    /// The `market` setting (default `us`) decides what counts: photos and birth dates are
    /// customary in Germany and France, "biodata" details in India, photo, gender and age in
    /// China. Religion and national ID numbers are flagged in every market.
    ///
    /// Citizenship is not flagged: "U.S. citizen" is legitimate for jobs that require a
    /// security clearance, and a work-authorization line answers a question employers ask.
    /// Nationality (national origin) is.
    ///
    /// ## Why is this bad?
    /// In the US, Canada, the UK and Australia, employers are not allowed to decide on age,
    /// sex, religion, national origin or marital status, so many screen out resumes that
    /// show them rather than risk a discrimination claim. The US resume guide: "Never
    /// include a photo on a US resume... including a photo can lead to your resume being
    /// rejected immediately", and "remove any personal details (photo, DOB, marital
    /// status)". An ID number on a resume that is shared widely invites identity theft.
    ///
    /// ## Example
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// ada@example.com · Date of Birth: 10 December 1815 · Marital status: Married
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// ada@example.com · London, UK · U.S. citizen, active Secret clearance
    /// ```
    ///
    /// ## Options
    /// `market`: `us` (default), `ca`, `uk`, `au`, `de`, `fr`, `in`, `cn`.
    ///
    /// ## Known limits
    /// Unlabelled details in prose ("I am 32 and married") are not detected.
    pub struct PersonalData {
        id: "personal-data",
        category: Privacy,
        severity: Warning,
        fix: None,
    }
}

impl Rule for PersonalData {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let market = cx.settings.market.as_str();
        let personal = &cx.data().personal;
        let items: Vec<&PersonalItem> = personal
            .items
            .iter()
            .filter(|i| i.applies_to(market))
            .collect();
        if items.is_empty() {
            return;
        }
        let mut found: Vec<(TextRange, &str)> = Vec::new();
        let item = |name: &str| items.iter().copied().find(|i| i.name == name);

        // Photos.
        if let Some(photo) = item("photo") {
            for image in cx.images().iter().filter(|i| i.photo) {
                found.push((image.range, photo.name.as_str()));
            }
        }
        // Keys: YAML / JSON, and Markdown front matter.
        // The normalized key (see `normalize_key`), in one buffer for all fields.
        let mut key = String::new();
        for field in &cx.resume.fields {
            if field.path.matches('.').count() > 2 {
                continue;
            }
            let last = field.path.rsplit('.').next().unwrap_or("");
            crate::data::normalize_key_into(last, &mut key);
            let Some(hit) = items
                .iter()
                .copied()
                .find(|i| i.name != "photo" && i.keys.contains(&key))
            else {
                continue;
            };
            let has_children = cx.resume.fields.iter().any(|f| {
                f.path.len() > field.path.len() && f.path.starts_with(&format!("{}.", field.path))
            });
            let range = match &field.value {
                Some(v) if !v.as_str().trim().is_empty() => {
                    field_range(cx.source, field.key.span(), v.span())
                }
                _ if has_children => field.key.span(),
                _ => continue,
            };
            found.push((range, hit.name.as_str()));
        }
        // Prose.
        let header_end = header_limit(cx);
        let limits = Limits {
            // Lowercasing shrinks a string to no less than a third of its bytes.
            label: personal.max_label_len.saturating_mul(3),
            token: personal.max_token_len.saturating_mul(3),
        };
        let mut segments = Vec::new();
        for block in &cx.resume.blocks {
            in_text(header_end, limits, block, &items, &mut segments, &mut found);
        }

        found.sort_by_key(|(r, _)| (r.start, r.end));
        let mut last: Option<TextRange> = None;
        for (range, name) in found {
            if last.is_some_and(|l| l.intersects(range) || l == range) {
                continue;
            }
            last = Some(range);
            sink.report(range, format!("Personal data: {name}"));
        }
    }
}

/// The end of the header, where the author's own details sit: before the first section
/// the reader found, or before the first standard section when the reader took a job
/// title heading for a section.
fn header_limit(cx: &Context<'_>) -> usize {
    let first_marker = cx.section_markers().first().map_or(0, |m| m.start);
    cx.resume.header_end.max(first_marker)
}

static BORN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^born(?-u:\b)[:\s]*(?:on\s+|in\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    )
    .ok()
});
static SSN: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d-])(\d{3}-\d{2}-\d{4})(?:$|[^\d-])").ok());
static BIRTH_YEAR: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(?:19|20)\d{2}年(?:生|出生)?$").ok());

/// Separators between the items of a contact or header line.
fn is_separator(c: char) -> bool {
    matches!(c, '|' | '·' | '•' | ';' | '，' | '、' | '｜' | '；' | '\n')
}

/// Texts longer than these (in bytes) cannot be a label or a token once lowercased.
#[derive(Clone, Copy)]
struct Limits {
    label: usize,
    token: usize,
}

/// Whether `s` opens with "born" in any case (no other char folds to these letters), as
/// `BORN` requires.
fn starts_with_born(s: &str) -> bool {
    s.as_bytes()
        .get(..4)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"born"))
}

/// Whether `s` may match `SSN`: it has `ddd-dd-dddd`, with `d` any numeric char (a superset
/// of `\d`). Date ranges ("2019-2021", "2020-01-15") fail it, so the regex, whose Unicode
/// `\d` costs ~3M instructions to compile, is only built for text that could match.
fn may_have_ssn(s: &str) -> bool {
    fn digits(mut it: impl Iterator<Item = char>, n: usize) -> bool {
        (0..n).all(|_| it.next().is_some_and(char::is_numeric))
    }
    s.match_indices('-').any(|(i, _)| {
        let (Some(before), Some(after)) = (s.get(..i), s.get(i + 1..)) else {
            return false;
        };
        let mut rest = after.chars();
        digits(before.chars().rev(), 3)
            && digits(rest.by_ref(), 2)
            && rest.next() == Some('-')
            && digits(rest, 4)
    })
}

/// Whether `s` may match `BIRTH_YEAR`: it opens with "19" or "20" and has a 年.
fn may_be_birth_year(s: &str) -> bool {
    (s.starts_with("19") || s.starts_with("20")) && s.contains('年')
}

/// Details in a block of text: labelled items, a label cell, header tokens, SSNs.
fn in_text<'d>(
    header_end: usize,
    limits: Limits,
    block: &Block,
    items: &[&'d PersonalItem],
    segments: &mut Vec<(std::ops::Range<usize>, usize)>,
    found: &mut Vec<(TextRange, &'d str)>,
) {
    let text = &block.text;
    let s = text.as_str();
    let item = |name: &str| items.iter().copied().find(|i| i.name == name);
    // A table cell or definition title that is a label: "Date of Birth".
    if block.kind == BlockKind::Paragraph {
        let whole = s.trim().trim_end_matches([':', '：']).trim();
        if whole.len() <= limits.label {
            let whole = whole.to_lowercase();
            if let Some(hit) = items
                .iter()
                .find(|i| whole.chars().count() >= 3 && i.labels.contains(&whole))
            {
                found.push((text.span(), hit.name.as_str()));
                return;
            }
        }
    }
    let in_header = text.span().start() < header_end;
    // Segments between separators, each with its line (the count of line breaks before).
    segments.clear();
    let mut start = 0;
    let mut line = 0;
    for (i, c) in s.char_indices() {
        if is_separator(c) {
            segments.push((start..i, line));
            start = i + c.len_utf8();
            if c == '\n' {
                line += 1;
            }
        }
    }
    segments.push((start..s.len(), line));
    let mut gender_line: Option<usize> = None;
    let mut years: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
    for (seg, line) in segments.iter().cloned() {
        let Some(raw) = s.get(seg.clone()) else {
            continue;
        };
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let range = seg.start + lead..seg.start + lead + trimmed.len();
        // A label needs a colon after it; lowercasing neither adds nor removes one.
        // (Two memchr searches: a char-array pattern decodes every char.)
        let lower = if trimmed.contains(':')
            || trimmed.contains('：')
            || (in_header && trimmed.len() <= limits.token)
        {
            trimmed.to_lowercase()
        } else {
            String::new()
        };
        // No label fits an empty segment (most prose: no colon, not in the header).
        if !lower.is_empty()
            && let Some(hit) = items
                .iter()
                .find(|i| i.labels.iter().any(|l| labelled(&lower, l)))
        {
            found.push((text.source_range(range), hit.name.as_str()));
            continue;
        }
        if starts_with_born(trimmed)
            && let Some(dob) = item("date of birth")
            && BORN.as_ref().is_some_and(|re| re.is_match(trimmed))
        {
            found.push((text.source_range(range), dob.name.as_str()));
            continue;
        }
        if in_header {
            if let Some(hit) = items.iter().find(|i| i.tokens.contains(&lower)) {
                found.push((text.source_range(range), hit.name.as_str()));
                if hit.name == "gender" {
                    gender_line = Some(line);
                }
                continue;
            }
            if may_be_birth_year(trimmed)
                && BIRTH_YEAR.as_ref().is_some_and(|re| re.is_match(trimmed))
            {
                years.push((range, line));
            }
        }
    }
    // A bare "1989年" is a birth year on the line that also states the gender, or when it
    // says 生 ("born").
    if let Some(dob) = item("date of birth") {
        for (range, line) in years {
            let explicit = s.get(range.clone()).is_some_and(|y| y.ends_with('生'));
            if explicit || gender_line == Some(line) {
                found.push((text.source_range(range), dob.name.as_str()));
            }
        }
    }
    if may_have_ssn(s)
        && let (Some(id), Some(re)) = (item("national ID number"), SSN.as_ref())
    {
        for caps in re.captures_iter(s) {
            if let Some(m) = caps.get(1) {
                let range = text.source_range(m.range());
                if !found.iter().any(|(r, _)| r.intersects(range)) {
                    found.push((range, id.name.as_str()));
                }
            }
        }
    }
}

/// Whether `segment` (lowercase) opens with `label` followed by a colon and a value.
fn labelled(segment: &str, label: &str) -> bool {
    let Some(rest) = segment.strip_prefix(label) else {
        return false;
    };
    if rest.chars().next().is_some_and(char::is_alphanumeric) && label.is_ascii() {
        return false;
    }
    let rest = rest.trim_start();
    let Some(value) = rest.strip_prefix([':', '：']) else {
        return false;
    };
    !value.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::registry::RuleId;

    #[test]
    fn ssn_prefilter_keeps_every_match() {
        for t in ["SSN: 123-45-6789", "x123-45-67890", "١٢٣-٤٥-٦٧٨٩ id"] {
            assert!(may_have_ssn(t), "{t}");
        }
        for t in [
            "2019-2021",
            "2020-01-15",
            "12-34-5678",
            "123-4-56789",
            "123-45-678",
            "",
        ] {
            assert!(!may_have_ssn(t), "{t}");
            assert!(!SSN.as_ref().is_some_and(|re| re.is_match(t)), "{t}");
        }
    }
    use crate::settings::Settings;
    use crate::testing::{assert_clean, flagged, lint_with, messages};

    const RULE: RuleId = RuleId::PersonalData;
    const MD: Format = Format::Markdown;

    fn in_market(format: Format, text: &str, market: &str) -> Vec<String> {
        let mut settings = Settings::only(&[RULE]);
        settings.market = market.to_owned();
        lint_with(&settings, format, text)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn labelled_lines() {
        let text = "# Ada\n\nada@example.com | Date of Birth: 1990-01-01 | Marital status: Married\n\n- **Gender:** Female\n- Age: 32\n- Nationality: British\n- Religion: None\n- SSN: 123 45 6789\n- Born 1 May 1990\n";
        assert_eq!(
            messages(RULE, MD, text),
            [
                "Personal data: date of birth",
                "Personal data: marital status",
                "Personal data: gender",
                "Personal data: age",
                "Personal data: nationality",
                "Personal data: religion",
                "Personal data: national ID number",
                "Personal data: date of birth",
            ]
        );
        assert_eq!(
            flagged(RULE, MD, text).get(..2),
            Some(
                &[
                    "Date of Birth: 1990-01-01".to_owned(),
                    "Marital status: Married".to_owned()
                ][..]
            )
        );
    }

    #[test]
    fn headshot_image() {
        let text = "# Ada\n\n![headshot](ada.jpg)\n";
        assert_eq!(messages(RULE, MD, text), ["Personal data: photo"]);
        assert_eq!(flagged(RULE, MD, text), ["![headshot](ada.jpg)"]);
        assert_clean(RULE, MD, "# Ada\n\n![Architecture diagram](arch.png)\n");
    }

    #[test]
    fn market_decides() {
        let text = "# Ada\n\n![photo](ada.jpg)\n\nGeburtsdatum: 1.1.1990 · Date of birth: 1990 · Religion: none\n";
        assert_eq!(
            in_market(MD, text, "us"),
            [
                "Personal data: photo",
                "Personal data: date of birth",
                "Personal data: religion"
            ]
        );
        assert_eq!(in_market(MD, text, "de"), ["Personal data: religion"]);
        assert_eq!(in_market(MD, text, "xx"), Vec::<String>::new());
    }

    #[test]
    fn unlabelled_ssn_and_table_cells() {
        let text = "# Ada\n\n123-45-6789\n\n| Date of Birth | 1990-01-01 |\n|---|---|\n";
        assert_eq!(flagged(RULE, MD, text), ["123-45-6789", "Date of Birth"]);
    }

    #[test]
    fn chinese_header() {
        let text =
            "# 杜少陵\n\n> 浙江杭州，男，1989年\n> (+86) 101-2345-6789\n\n## 简介\n\n性别：女\n";
        assert_eq!(flagged(RULE, MD, text), ["男", "1989年", "性别：女"]);
        assert_eq!(
            messages(RULE, MD, text),
            [
                "Personal data: gender",
                "Personal data: date of birth",
                "Personal data: gender"
            ]
        );
        assert_eq!(in_market(MD, text, "cn"), Vec::<String>::new());
    }

    #[test]
    fn chinese_header_under_a_job_title_heading() {
        let text = "# 杜少陵\n## 高级Android工程师\n\n> 浙江杭州，男，1989年\n> email@example.com\n\n### 简介 {#profile}\n\n扎实的Java基础。\n";
        assert_eq!(flagged(RULE, MD, text), ["男", "1989年"]);
    }

    #[test]
    fn front_matter_keys() {
        let text = "---\nresume: true\ndob: 1990-01-01\n---\n# Ada\n";
        assert_eq!(messages(RULE, MD, text), ["Personal data: date of birth"]);
        assert_eq!(flagged(RULE, MD, text), ["dob: 1990-01-01"]);
    }

    #[test]
    fn legitimate_lines_are_quiet() {
        let text = "# Ada\n\nU.S. citizen · Citizenship: US (active Secret clearance) · Authorized to work in the US\n\n## Experience\n\n- Led the agency's age-verification project: 30% faster\n- Stage: 3 · Gender pay gap analysis for 2,000 staff\n- Phone: 555-123-4567 · Part 123-456-7890\n- Born to lead\n- Single sign-on for 20 apps\n- Managed the religion desk; covered nationality law\n\n## Skills\n\nLanguages: English (native), Mandarin (fluent)\n";
        assert_clean(RULE, MD, text);
        // A lone "男" outside the header is not a detail about the author.
        assert_clean(RULE, MD, "# A\n\n## 经历\n\n男，女，老人都用这个产品\n");
    }

    #[test]
    fn json_resume_keys() {
        let text = r#"{"basics":{"name":"Ada","birthDate":"1990-01-01","gender":"female","image":"ada.jpg","email":"ada@example.com"},"work":[]}"#;
        assert_eq!(
            messages(RULE, Format::Json, text),
            [
                "Personal data: date of birth",
                "Personal data: gender",
                "Personal data: photo"
            ]
        );
        assert_eq!(
            flagged(RULE, Format::Json, text)
                .first()
                .map(String::as_str),
            Some("\"birthDate\":\"1990-01-01\"")
        );
        let empty = r#"{"basics":{"name":"Ada","image":"","birthDate":""}}"#;
        assert_clean(RULE, Format::Json, empty);
    }

    #[test]
    fn yaml_keys() {
        let birth = "name:\n  first: Ada\nbirth:\n  year: 1990\n  location: London\nexperience:\n  - company: X\n";
        assert_eq!(flagged(RULE, Format::Yaml, birth), ["birth"]);
        let text = "cv:\n  name: Ada\n  marital_status: married\n  nationality: British\nbasics:\n  picture: ada.png\n";
        assert_eq!(
            messages(RULE, Format::Yaml, text),
            [
                "Personal data: marital status",
                "Personal data: nationality",
                "Personal data: photo"
            ]
        );
        let clean = "cv:\n  name: Ada\n  email: ada@example.com\n  sections:\n    experience:\n      - company: Age Labs\n";
        assert_clean(RULE, Format::Yaml, clean);
    }

    #[test]
    fn doc_example_triggers_and_use_instead_is_clean() {
        crate::rules::layout::check_doc(RULE, PersonalData::META.doc);
    }
}
