use crate::data::normalize_key;
use crate::rules::{Context, Rule, Sink, declare_rule};
use crate::span::TextRange;
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags a resume with no email address, or no phone number, anywhere: one diagnostic
    /// for each, at the top of the document. In YAML and JSON, contact keys such as
    /// `basics.email`, `basics.phone`, `contact.email` or `cv.phone` count too.
    ///
    /// ## Why is this bad?
    /// A recruiter who likes the resume has to reach you. The US resume guide: "Ensure your
    /// contact information is clearly visible and easily parsable at the top of your
    /// resume". An ATS fills the candidate record from the email and phone it finds; without
    /// them the application may not even be linked to you.
    ///
    /// ## Example
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// London, UK · linkedin.com/in/ada
    ///
    /// ## Experience
    ///
    /// - Built the first published algorithm for the Analytical Engine
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// London, UK · ada@example.com · +44 20 7946 0958
    ///
    /// ## Experience
    ///
    /// - Built the first published algorithm for the Analytical Engine
    /// ```
    ///
    /// ## Known limits
    /// A phone number is recognised by its shape (9 to 15 digits) or by a label such as
    /// "Phone:" or "Tel:". Contact details inside comments do not count.
    pub struct MissingContact {
        id: "missing-contact",
        category: Layout,
        severity: Warning,
        fix: None,
    }
}

impl Rule for MissingContact {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        if !super::missing_section::judged_as_whole_resume(cx) {
            return;
        }
        let found = cx.contacts();
        let anchor = super::missing_section::doc_anchor(cx);
        if !found.iter().any(|c| c.kind == ContactKind::Email) {
            sink.report(anchor, "No email address in the resume");
        }
        if !found.iter().any(|c| c.kind == ContactKind::Phone) {
            sink.report(anchor, "No phone number in the resume");
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ContactKind {
    Email,
    Phone,
}

impl ContactKind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            ContactKind::Email => "Email address",
            ContactKind::Phone => "Phone number",
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Contact {
    pub kind: ContactKind,
    pub range: TextRange,
}

static EMAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}").ok()
});
static PHONE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?-u)\+?\(?\+?[0-9][0-9 \t().\-/]{5,}[0-9]").ok());
static PHONE_LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i-u:\b(?:phone|tel|telephone|mobile|mob|cell|ph)\b)\.?[ \t]*[:：]?[ \t]*\+?\(?[0-9][0-9 \t().\-]{2,}[0-9]|电话[:：]?[ \t]*\+?\(?[0-9]|手机[:：]?[ \t]*\+?\(?[0-9]").ok()
});

/// Keys (normalized: lowercase, no separators) that hold an email or a phone number.
const EMAIL_KEYS: &[&str] = &["email", "emailaddress", "emails", "mail"];
const PHONE_KEYS: &[&str] = &[
    "cell",
    "cellphone",
    "mobile",
    "phone",
    "phonenumber",
    "phones",
    "tel",
    "telephone",
];

/// Every email address and phone number in the document, in source order: found in the
/// text (outside comments) and, in YAML / JSON, in contact keys with a value.
pub(crate) fn contacts(cx: &Context<'_>) -> Vec<Contact> {
    let source = cx.source;
    let comments: Vec<TextRange> = cx.resume.comments.iter().map(|c| c.span).collect();
    let in_comment = |r: TextRange| comments.iter().any(|c| c.contains_range(r));
    // Scan line by line, running each regex only where it can match: an email needs an
    // "@", a phone number at least 8 digits, a labelled phone its label. The results keep
    // the order of whole-text scans: emails, then phones, then labelled phones.
    let (mut emails, mut phones, mut labelled) = (Vec::new(), Vec::new(), Vec::new());
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        let at = |m: regex::Match<'_>| TextRange::new(base + m.start(), base + m.end());
        let (first_email, first_phone) = (emails.len(), phones.len());
        if line.contains('@')
            && let Some(re) = EMAIL.as_ref()
        {
            emails.extend(re.find_iter(line).map(at).filter(|r| !in_comment(*r)));
        }
        let on_line = |found: &[TextRange], first: usize, range: TextRange| {
            found.iter().skip(first).any(|r| r.intersects(range))
        };
        let digits = line.bytes().filter(u8::is_ascii_digit).count();
        if digits >= 8
            && let Some(re) = PHONE.as_ref()
        {
            for m in re.find_iter(line) {
                let range = at(m);
                if !on_line(&emails, first_email, range)
                    && looks_like_phone(m.as_str())
                    && !in_comment(range)
                {
                    phones.push(range);
                }
            }
        }
        if digits > 0
            && may_have_phone_label(line)
            && let Some(re) = PHONE_LABEL.as_ref()
        {
            for m in re.find_iter(line) {
                let range = at(m);
                if !in_comment(range)
                    && !on_line(&emails, first_email, range)
                    && !on_line(&phones, first_phone, range)
                {
                    labelled.push(range);
                }
            }
        }
    }
    let contact = |kind| move |range| Contact { kind, range };
    let mut out: Vec<Contact> = emails
        .into_iter()
        .map(contact(ContactKind::Email))
        .chain(
            phones
                .into_iter()
                .chain(labelled)
                .map(contact(ContactKind::Phone)),
        )
        .collect();
    for field in &cx.resume.fields {
        let Some(value) = field
            .value
            .as_ref()
            .filter(|v| !v.as_str().trim().is_empty())
        else {
            continue;
        };
        let last = field.path.rsplit('.').next().unwrap_or("");
        let key = normalize_key(last);
        let kind = if is_key(&key, EMAIL_KEYS) && value.as_str().contains('@') {
            ContactKind::Email
        } else if is_key(&key, PHONE_KEYS)
            && value.as_str().chars().filter(char::is_ascii_digit).count() >= 3
        {
            ContactKind::Phone
        } else {
            continue;
        };
        out.push(Contact {
            kind,
            range: value.span(),
        });
    }
    out.sort_by_key(|c| c.range.start);
    out
}

/// `key` is one of `keys`, or ends with one of five letters or more
/// (`resume_contact_telephone`).
fn is_key(key: &str, keys: &[&str]) -> bool {
    keys.iter()
        .any(|k| key == *k || (k.len() >= 5 && key.ends_with(k)))
}

/// Whether a line can hold a phone label that `PHONE_LABEL` matches.
fn may_have_phone_label(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    ["ph", "tel", "mob", "cell"]
        .iter()
        .any(|l| lower.contains(l))
        || line.contains("电话")
        || line.contains("手机")
}

/// A run of digits and separators that is a phone number: 9 to 15 digits, not a run of
/// years ("2016 2018 2020"), not an ORCID or a date.
fn looks_like_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let international = s.starts_with('+') || s.starts_with("(+");
    let min = if international { 8 } else { 10 };
    if !(min..=15).contains(&digits) {
        return false;
    }
    let groups: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let years = groups
        .iter()
        .all(|g| g.len() == 4 && (g.starts_with("19") || g.starts_with("20")));
    // "01/2015 - 01/2020", "2019.05 - 2020.06": dates, not phones.
    let dates = s.contains('/') && groups.iter().any(|g| g.len() == 4);
    !years && !dates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{assert_clean, flagged, messages};

    const RULE: RuleId = RuleId::MissingContact;
    const MD: Format = Format::Markdown;

    #[test]
    fn both_missing_in_markdown() {
        let text = "# Ada Lovelace\n\nLondon, UK\n\n## Experience\n\n- Built engines 2019 - 2020\n";
        assert_eq!(
            messages(RULE, MD, text),
            [
                "No email address in the resume",
                "No phone number in the resume"
            ]
        );
        assert_eq!(flagged(RULE, MD, text), ["Ada Lovelace", "Ada Lovelace"]);
    }

    #[test]
    fn one_missing() {
        let text = "# Ada\n\nada@example.com\n\n## Experience\n\n- Built\n";
        assert_eq!(messages(RULE, MD, text), ["No phone number in the resume"]);
        let text = "# Ada\n\n(555) 010-0000\n\n## Experience\n";
        assert_eq!(messages(RULE, MD, text), ["No email address in the resume"]);
    }

    #[test]
    fn phone_shapes() {
        for phone in [
            "(555) 010-0000",
            "+1-555-987-6543",
            "555.555.5555",
            "+90 541 999 99 99",
            "(+86) 101-2345-6789",
            "020 7946 0958",
            "Phone: 555-0100",
            "Tel. 0100 2345",
            "电话：13800000000",
        ] {
            let text = format!("# Ada\n\nada@example.com · {phone}\n\n## Experience\n");
            assert_clean(RULE, MD, &text);
        }
        for not_phone in [
            "2016 - 2018 - 2020",
            "0000-0000-0000-0000",
            "01/2015 - 01/2020",
            "555-0100",
        ] {
            let text = format!("# Ada\n\nada@example.com · {not_phone}\n\n## Experience\n");
            assert_eq!(
                messages(RULE, MD, &text),
                ["No phone number in the resume"],
                "{not_phone}"
            );
        }
    }

    #[test]
    fn contact_anywhere_counts_but_not_in_comments() {
        let text =
            "# Ada\n\n## Experience\n\n- Built\n\n## Contact\n\nada@example.com | 555-010-0000\n";
        assert_clean(RULE, MD, text);
        let text = "# Ada\n\n<!--\nada@example.com 555-010-0000\n-->\n\n## Experience\n";
        assert_eq!(messages(RULE, MD, text).len(), 2);
        let html = "# Ada\n\n<div>\n<a href=\"mailto:ada@example.com\">ada@example.com</a> 555-010-0000\n</div>\n";
        assert_clean(RULE, MD, html);
    }

    #[test]
    fn empty_document_is_quiet() {
        assert_clean(RULE, MD, "");
        assert_clean(RULE, MD, "  \n\n");
    }

    #[test]
    fn json_resume() {
        let good =
            r#"{"basics":{"name":"Ada","email":"ada@example.com","phone":"555-0100"},"work":[]}"#;
        assert_clean(RULE, Format::Json, good);
        let bad = r#"{"basics":{"name":"Ada","email":"","phone":""},"work":[]}"#;
        assert_eq!(
            messages(RULE, Format::Json, bad),
            [
                "No email address in the resume",
                "No phone number in the resume"
            ]
        );
    }

    #[test]
    fn yaml_rendercv_and_fresh() {
        let rendercv =
            "cv:\n  name: Ada\n  email: ada@example.com\n  phone: tel:+44-20-7946-0958\n";
        assert_clean(RULE, Format::Yaml, rendercv);
        let fresh = "name: Ada\ncontact:\n  email: ada@example.com\n  phone: 555-0100\n";
        assert_clean(RULE, Format::Yaml, fresh);
        let jekyll = "title: Ada\nresume_contact_email: ada@example.com\nresume_contact_telephone: 555-7334\nwork:\n  - company: X\n";
        assert_clean(RULE, Format::Yaml, jekyll);
        let missing = "cv:\n  name: Ada\n  email: ada@example.com\n";
        assert_eq!(
            messages(RULE, Format::Yaml, missing),
            ["No phone number in the resume"]
        );
    }

    #[test]
    fn doc_example_triggers_and_use_instead_is_clean() {
        crate::rules::layout::check_doc(RULE, MissingContact::META.doc);
    }
}
