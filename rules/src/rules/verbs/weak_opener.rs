use crate::data::headings::HeadingMatch;
use crate::data::{Data, Tense, Verbs, WeakOpener as Opener};
use crate::diagnostic::{Edit, Fix};
use crate::document::{Block, BlockKind, Resume, Role, SectionKind};
use crate::matchers::{match_case, words};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a bullet, or a sentence of a role's description, that opens with a weak or
    /// passive phrase such as "Responsible for", "Worked on", "Helped build", "Assisted
    /// with", "Participated in", "Involved in", "Duties included", "Tasked with" or
    /// "Utilized", also after "I", "we" or "was" ("I was responsible for"). The phrases are
    /// listed in `rules/data/verbs.toml` and extended with `extend-weak-openers`.
    ///
    /// ## Why is this bad?
    /// These phrases describe a duty, not what you did or achieved, and they hide your own
    /// part in the work. The US resume guide asks for "strong action verbs and quantifiable
    /// results in every bullet": recruiters scan the first words of each bullet, and
    /// "Responsible for" tells them nothing about the outcome.
    ///
    /// ## Example
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - Responsible for managing the payroll of 400 employees
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Experience
    ///
    /// **Payroll Analyst**, Acme | 2019 – 2022
    ///
    /// - Managed the payroll of 400 employees
    /// ```
    ///
    /// ## Fix
    /// One suggestion per strong verb, in the tense of the opener ("Help build" becomes
    /// "Build", "Helped build" becomes "Built"), or, when the opener has no tense
    /// ("Responsible for"), in the present for a current role (dates ending in "Present")
    /// and in the past otherwise. A gerund becomes its own verb ("Responsible for managing
    /// the payroll" becomes "Managed the payroll"); before a noun phrase the strong verbs
    /// listed for the opener are offered ("Owned the payroll system", "Led …").
    ///
    /// ## Known limits
    /// "Helped" and "managed to" are reported only before a verb hirelint knows
    /// ("Helped customers" describes the job and is not reported). "Worked on a team" is not
    /// reported. A phrase after an adverb ("Also responsible for") is not reported.
    /// A bullet this rule reports is left to it by `tense-mismatch`, `repeated-opener` and
    /// `passive-voice`, so "Help build" in a past role or "I was tasked with" is reported
    /// once. A bullet that states a duty and no outcome ("Responsible for the monthly
    /// report") is left to `duty-not-achievement` when that rule is on: a better verb would
    /// not make it a result.
    pub struct WeakOpener {
        id: "weak-opener",
        category: Verbs,
        severity: Warning,
        fix: Sometimes,
    }
}

impl Rule for WeakOpener {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let verbs = &cx.data().verbs;
        for (index, block) in cx.resume.blocks.iter().enumerate() {
            let starts = match block.kind {
                // A duty with no outcome is `duty-not-achievement`'s, when it is on.
                BlockKind::Bullet if cx.duty_claims(index) => continue,
                BlockKind::Bullet if in_scope(cx.resume, block) => vec![0],
                BlockKind::Paragraph | BlockKind::Summary
                    if block.role.is_some() && in_scope(cx.resume, block) =>
                {
                    sentence_starts(block.text.as_str())
                }
                _ => continue,
            };
            let role_tense = if is_current_role(cx.resume, block) {
                Tense::Present
            } else {
                Tense::Past
            };
            let text = block.text.as_str();
            let toks = cx.tokens(index);
            for start in starts {
                let Some(i) = toks.iter().position(|t| t.start >= start) else {
                    continue;
                };
                // Only text that opens the bullet or sentence: at most punctuation before.
                if text
                    .get(start..toks.get(i).map_or(start, |t| t.start))
                    .is_none_or(|lead| lead.chars().any(char::is_alphanumeric))
                {
                    continue;
                }
                let Some(found) = find(verbs, text, toks, i, role_tense) else {
                    continue;
                };
                let range = block.text.source_range(found.start..found.end);
                let quoted = text.get(found.start..found.end).unwrap_or("");
                let message = format!("Weak opener \"{quoted}\"");
                let fixes = if block.text.is_verbatim(found.start..found.fix_end) {
                    let replaced = text.get(found.start..found.fix_end).unwrap_or("");
                    let edit_range = block.text.source_range(found.start..found.fix_end);
                    found
                        .rewrites
                        .iter()
                        .map(|new| {
                            Fix::suggestion(
                                format!("Replace \"{replaced}\" with \"{new}\""),
                                vec![Edit::replace(edit_range, new.clone())],
                            )
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                sink.report_with(range, message, fixes);
            }
        }
    }
}

/// A word of a block, with its byte range in the block's logical text.
#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub word: &'a str,
    /// `word` lowercased (’ as '); borrowed when that is `word` itself, as for most words.
    pub lower: std::borrow::Cow<'a, str>,
}

impl Tok<'_> {
    pub(crate) fn lower_str(&self) -> &str {
        &self.lower
    }
}

pub(crate) fn tokens(text: &str) -> Vec<Tok<'_>> {
    words(text)
        .map(|(start, word)| Tok {
            start,
            end: start + word.len(),
            word,
            lower: if !word.is_ascii() {
                std::borrow::Cow::Owned(word.to_lowercase().replace('’', "'"))
            } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
                std::borrow::Cow::Owned(word.to_ascii_lowercase())
            } else {
                std::borrow::Cow::Borrowed(word)
            },
        })
        .collect()
}

/// The text between two tokens.
pub(crate) fn gap<'a>(text: &'a str, a: &Tok<'_>, b: &Tok<'_>) -> &'a str {
    text.get(a.end..b.start).unwrap_or("")
}

/// Sections whose prose is not about what you did: skills, languages, interests, contact,
/// references.
pub(crate) fn in_scope(resume: &Resume, block: &Block) -> bool {
    !matches!(
        resume.section_kind(block),
        Some(
            SectionKind::Skills
                | SectionKind::Languages
                | SectionKind::Interests
                | SectionKind::Contact
                | SectionKind::References
        )
    )
}

/// A top-level bullet about what you did: under a role, or in an experience, projects,
/// volunteer or untitled section. Sub-bullets are details of their parent.
///
/// One flag per block of `resume.blocks`; each role's header is classified once.
pub(crate) fn achievement_flags(resume: &Resume, data: &Data) -> Vec<bool> {
    let other: Vec<bool> = resume
        .roles
        .iter()
        .map(|r| role_names_other_section(r, data))
        .collect();
    resume
        .blocks
        .iter()
        .map(|block| {
            block.kind == BlockKind::Bullet
                && block.depth == 0
                && match resume.section_kind(block) {
                    Some(
                        SectionKind::Experience
                        | SectionKind::Projects
                        | SectionKind::Volunteer
                        | SectionKind::Other,
                    )
                    | None => {
                        block.role.is_some()
                            || resume
                                .section_kind(block)
                                .is_some_and(SectionKind::has_achievements)
                    }
                    Some(_) => false,
                }
                && !block
                    .role
                    .and_then(|i| other.get(i))
                    .copied()
                    .unwrap_or(false)
        })
        .collect()
}

/// A "role" whose line is really the heading of a section without achievements: "### Skills"
/// under a "## Jane Doe" heading. Heading attributes ("Skills {#skills}") are ignored.
fn role_names_other_section(role: &Role, data: &Data) -> bool {
    let Some(header) = role.header.as_ref() else {
        return false;
    };
    let text = header.as_str();
    let text = text.split('{').next().unwrap_or(text);
    !matches!(
        data.headings.classify(text),
        HeadingMatch::Unknown
            | HeadingMatch::Accepted(
                SectionKind::Experience | SectionKind::Projects | SectionKind::Volunteer
            )
            | HeadingMatch::Synonym(
                SectionKind::Experience | SectionKind::Projects | SectionKind::Volunteer
            )
    )
}

/// How a bullet reads when it is not a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ListShape {
    /// A sentence.
    Sentence,
    /// "Stack: Rust, Go", "hirelint — a resume linter": a short label, then the rest.
    Label,
    /// "Rust, Go, Python": short items.
    List,
}

pub(crate) fn list_shape(text: &str) -> ListShape {
    let count = |s: &str| words(s).count();
    // A short label before a colon or a dash.
    for sep in [":", " — ", " – ", " - ", " | "] {
        if let Some((head, _)) = text.split_once(sep)
            && (1..=4).contains(&count(head))
            && !head.contains(['.', ','])
        {
            return ListShape::Label;
        }
    }
    // At least three items of at most three words, without collecting them.
    let items = || {
        text.split([',', ';', '|', '·', '/'])
            .filter(|s| !s.trim().is_empty())
    };
    if items().nth(2).is_some() && items().all(|s| count(s) <= 3) {
        return ListShape::List;
    }
    ListShape::Sentence
}

/// Whether the block's role goes on (see `Role::is_current`).
pub(crate) fn is_current_role(resume: &Resume, block: &Block) -> bool {
    block
        .role
        .and_then(|i| resume.roles.get(i))
        .is_some_and(crate::document::Role::is_current)
}

/// Byte offsets where sentences start in a paragraph.
pub(crate) fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut prev_end = false;
    for (i, c) in text.char_indices() {
        if prev_end && c.is_whitespace() {
            starts.push(i + c.len_utf8());
            prev_end = false;
            continue;
        }
        prev_end = matches!(c, '.' | '!' | '?' | ';' | '\n');
        if c == '\n' {
            starts.push(i + 1);
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// The verb that opens a bullet: its first word, or the word after an opening "I" or
/// "we", when that is a form of a known verb other than "be" and "have" ("Was promoted",
/// "Has led" open with an auxiliary, not with their verb). Only punctuation or markup may
/// come before it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct OpenerVerb<'a> {
    /// Index of the verb in the block's tokens.
    pub index: usize,
    pub base: &'a str,
    pub form: crate::data::Form,
}

pub(crate) fn opener_verb<'v>(
    verbs: &'v Verbs,
    text: &str,
    toks: &[Tok<'_>],
) -> Option<OpenerVerb<'v>> {
    opener_verb_at(verbs, text, toks, 0, 0)
}

/// The verb that opens the sentence starting at byte `from` of `text`, whose first word is
/// token `at` (see `opener_verb`).
pub(crate) fn opener_verb_at<'v>(
    verbs: &'v Verbs,
    text: &str,
    toks: &[Tok<'_>],
    at: usize,
    from: usize,
) -> Option<OpenerVerb<'v>> {
    let first = toks.get(at)?;
    if text
        .get(from..first.start)
        .is_none_or(|lead| lead.chars().any(char::is_alphanumeric))
    {
        return None;
    }
    let index = match first.lower_str() {
        "i" | "we" => {
            let next = toks.get(at + 1)?;
            if !gap(text, first, next).trim().is_empty() {
                return None;
            }
            at + 1
        }
        _ => at,
    };
    let tok = toks.get(index)?;
    if verbs.is_non_verb(&tok.lower) {
        return None;
    }
    let (base, form) = verbs.form_of(&tok.lower)?;
    if matches!(base, "be" | "have") {
        return None;
    }
    Some(OpenerVerb { index, base, form })
}

/// A weak opener found at the start of a bullet or sentence.
pub(crate) struct Found {
    /// Logical range of the prefix and opener, as reported.
    pub start: usize,
    pub end: usize,
    /// End of the text the fixes replace (through the verb they absorb).
    pub fix_end: usize,
    /// The replacement texts, one per fix.
    pub rewrites: Vec<String>,
}

/// Words before an opener that the fix drops: a pronoun, an auxiliary. The tense an
/// auxiliary gives, when it gives one.
fn prefix(toks: &[Tok<'_>], text: &str, i: usize) -> (usize, Option<Tense>) {
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower_str());
    let joined = |k: usize| {
        k == i
            || toks
                .get(k - 1)
                .zip(toks.get(k))
                .is_some_and(|(a, b)| gap(text, a, b).trim().is_empty())
    };
    let mut k = i;
    let mut tense = None;
    match word(k) {
        "i" | "we" => k += 1,
        "i'm" | "we're" => return (k + 1, Some(Tense::Present)),
        "i've" | "we've" => {
            if word(k + 1) == "been" && joined(k + 1) {
                return (k + 2, None);
            }
            return (k + 1, None);
        }
        _ => {}
    }
    if !joined(k) {
        return (i, None);
    }
    match word(k) {
        "was" | "were" => {
            k += 1;
            tense = Some(Tense::Past);
        }
        "am" | "is" | "are" => {
            k += 1;
            tense = Some(Tense::Present);
        }
        "have" | "has" | "had" => {
            if word(k + 1) == "been" && joined(k + 1) {
                tense = (word(k) == "had").then_some(Tense::Past);
                k += 2;
            } else if word(k) == "had" {
                // "Had helped build" is past; "have helped" keeps the opener's tense.
                tense = Some(Tense::Past);
                k += 1;
            } else {
                k += 1;
            }
        }
        _ => {}
    }
    if !joined(k) {
        return (i, None);
    }
    (k, tense)
}

/// The opener starting at token `k`, with the index of the token after it.
fn opener_at<'v>(
    verbs: &'v Verbs,
    toks: &[Tok<'_>],
    text: &str,
    k: usize,
) -> Option<(&'v Opener, usize)> {
    let lead = toks.get(k)?.lower_str();
    verbs.openers_starting_with(lead).find_map(|o| {
        let mut j = k;
        for (n, w) in o.phrase.split(' ').enumerate() {
            let t = toks.get(j)?;
            if t.lower != w {
                return None;
            }
            if n > 0 && !gap(text, toks.get(j - 1)?, t).trim().is_empty() {
                return None;
            }
            j += 1;
        }
        Some((o, j))
    })
}

/// Gerunds that are more often nouns ("building maintenance"): read as verbs only before
/// a determiner, a number or a pronoun.
const NOUN_GERUNDS: &[&str] = &[
    "accounting",
    "advertising",
    "banking",
    "building",
    "consulting",
    "engineering",
    "manufacturing",
    "marketing",
    "networking",
    "training",
];

pub(crate) const DETERMINERS: &[&str] = &[
    "a", "all", "an", "her", "his", "its", "my", "new", "our", "over", "the", "their", "these",
    "this", "those", "two", "three", "four", "five",
];

/// Finds a weak opener at token `i` and builds its rewrites.
pub(crate) fn find(
    verbs: &Verbs,
    text: &str,
    toks: &[Tok<'_>],
    i: usize,
    role_tense: Tense,
) -> Option<Found> {
    let (k, aux_tense) = prefix(toks, text, i);
    let (opener, mut next) = opener_at(verbs, toks, text, k)
        .or_else(|| (k != i).then(|| opener_at(verbs, toks, text, i)).flatten())?;
    let first = toks.get(i)?;
    let last = toks.get(next - 1)?;
    let tense = aux_tense.or(opener.tense).unwrap_or(role_tense);
    let start = first.start;
    let end = last.end;
    let model = first.word;

    if opener.takes_verb
        && toks.get(next).is_some_and(|t| t.lower == "to")
        && !opener.phrase.ends_with(" to")
    {
        next += 1;
    }
    let obj = toks.get(next);
    let joined = |a: usize| {
        toks.get(a - 1)
            .zip(toks.get(a))
            .is_some_and(|(x, y)| matches!(gap(text, x, y).trim(), "" | ":"))
    };

    if opener.takes_verb {
        // "Helped build", "Helped to build": only before a known bare verb.
        let obj = obj.filter(|t| verbs.is_base(&t.lower) && joined(next))?;
        let base = obj.lower_str();
        let lead = verbs.inflect(base, tense)?;
        let (rest, fix_end) = chain(verbs, text, toks, next, tense, false);
        return Some(Found {
            start,
            end,
            fix_end,
            rewrites: vec![format!("{}{rest}", match_case(model, lead))],
        });
    }

    if let Some(obj) = obj.filter(|_| joined(next)) {
        // "Worked on a team": serving on a team is not a weak claim to rewrite.
        if opener.phrase.ends_with(" on")
            && toks.iter().skip(next).take(4).any(|t| {
                matches!(
                    t.lower_str(),
                    "team" | "teams" | "squad" | "committee" | "board"
                )
            })
        {
            return None;
        }
        let after = toks.get(next + 1).map_or("", |t| t.lower_str());
        let noun_like = NOUN_GERUNDS.contains(&obj.lower_str()) && !DETERMINERS.contains(&after);
        if let Some(base) = verbs.gerund_base(&obj.lower).filter(|_| !noun_like) {
            // "Responsible for managing the payroll" -> "Managed the payroll".
            let lead = verbs.inflect(base, tense)?;
            let (rest, fix_end) = chain(verbs, text, toks, next, tense, true);
            return Some(Found {
                start,
                end,
                fix_end,
                rewrites: vec![format!("{}{rest}", match_case(model, lead))],
            });
        }
        if obj.lower.ends_with("ing") && obj.lower.len() > 5 && !noun_like {
            // A gerund hirelint cannot conjugate: report, offer nothing.
            return Some(Found {
                start,
                end,
                fix_end: end,
                rewrites: Vec::new(),
            });
        }
    }
    // Before a noun phrase: the opener's strong verbs. A later gerund in the clause
    // ("Responsible for payroll and training new hires") would need rewording too: no fix.
    let (rest, _) = chain(verbs, text, toks, next - 1, tense, true);
    if !rest.is_empty() {
        return Some(Found {
            start,
            end,
            fix_end: end,
            rewrites: Vec::new(),
        });
    }
    let fix_end = end;
    let rewrites = opener
        .replacements
        .iter()
        .filter_map(|r| {
            let mut parts = r.splitn(2, ' ');
            let verb = verbs.inflect(parts.next()?, tense)?;
            let tail = parts.next().map_or(String::new(), |t| format!(" {t}"));
            Some(format!("{}{tail}", match_case(model, verb)))
        })
        .take(4)
        .collect();
    Some(Found {
        start,
        end,
        fix_end,
        rewrites,
    })
}

/// The text from the end of token `at` through the last coordinated verb after it, with
/// those verbs conjugated, and the end of that text. With `gerunds`, later gerunds after
/// "and", "or" or a comma in the same clause are conjugated ("managing the team and hiring
/// engineers"); otherwise only bare verbs chained right after ("design and build").
fn chain(
    verbs: &Verbs,
    text: &str,
    toks: &[Tok<'_>],
    at: usize,
    tense: Tense,
    gerunds: bool,
) -> (String, usize) {
    let Some(head) = toks.get(at) else {
        return (String::new(), 0);
    };
    let mut out = String::new();
    let mut pos = head.end;
    let mut j = at + 1;
    while let (Some(prev), Some(t)) = (toks.get(j - 1), toks.get(j)) {
        let g = gap(text, prev, t);
        if g.contains(['.', ';', '(', ')', ':', '\n', '!', '?'])
            || matches!(
                t.lower_str(),
                "including" | "such" | "like" | "e.g" | "especially"
            )
        {
            // Past the clause, or into a list of examples: "…, including feeding animals".
            break;
        }
        let coordinated = g.contains(',') || matches!(prev.lower_str(), "and" | "or");
        if gerunds {
            // A gerund that takes an object: "filing records", not "invoicing and reporting".
            let has_object = toks
                .get(j + 1)
                .is_some_and(|n| !gap(text, t, n).contains(['.', ';', ',', ')', ':', '\n']));
            if coordinated
                && has_object
                && let Some(new) = verbs
                    .gerund_base(&t.lower)
                    .and_then(|b| verbs.inflect(b, tense))
            {
                out.push_str(text.get(pos..t.start).unwrap_or(""));
                out.push_str(new);
                pos = t.end;
            }
        } else if !(matches!(t.lower_str(), "and" | "or") && g.trim().is_empty()) {
            // Bare verbs chained right after: "design and build", "design, build and test".
            let new = verbs
                .is_base(&t.lower)
                .then(|| verbs.inflect(&t.lower, tense))
                .flatten();
            match new {
                Some(new) if coordinated => {
                    out.push_str(text.get(pos..t.start).unwrap_or(""));
                    out.push_str(new);
                    pos = t.end;
                }
                _ => break,
            }
        }
        j += 1;
    }
    (out, pos)
}

#[cfg(test)]
pub(crate) type DocBlock = (crate::document::Format, String);

/// The doc's Example block and Use-instead blocks, with their format, for the doc tests
/// of the rules in this category.
#[cfg(test)]
pub(crate) fn doc_examples(doc: &str) -> (Vec<DocBlock>, Vec<DocBlock>) {
    use crate::document::Format;
    let mut example = Vec::new();
    let mut instead = Vec::new();
    let mut section = "";
    let mut block: Option<(Format, String)> = None;
    for line in doc.lines() {
        let line = line.strip_prefix(' ').unwrap_or(line);
        if let Some(h) = line.strip_prefix("## ").filter(|_| block.is_none()) {
            section = if h == "Example" {
                "example"
            } else if h == "Use instead" {
                "instead"
            } else {
                ""
            };
            continue;
        }
        if let Some(lang) = line.strip_prefix("```") {
            match block.take() {
                Some(done) => match section {
                    "example" => example.push(done),
                    "instead" => instead.push(done),
                    _ => {}
                },
                None => {
                    let format = match lang.trim() {
                        "yaml" => Format::Yaml,
                        "json" => Format::Json,
                        _ => Format::Markdown,
                    };
                    block = Some((format, String::new()));
                }
            }
            continue;
        }
        if let Some((_, body)) = block.as_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    (example, instead)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::testing::{apply_fix, assert_clean, fix_titles, flagged, messages};

    const R: RuleId = RuleId::WeakOpener;

    fn md(bullet: &str) -> String {
        format!("## Experience\n\n### Analyst, Acme — 2019 – 2022\n\n- {bullet}\n")
    }

    fn md_current(bullet: &str) -> String {
        format!("## Experience\n\n### Analyst, Acme — 2019 – Present\n\n- {bullet}\n")
    }

    /// The bullet after applying fix `n`.
    fn fixed(doc: &str, n: usize) -> String {
        let out = apply_fix(R, Format::Markdown, doc, n);
        out.lines()
            .find_map(|l| l.strip_prefix("- "))
            .unwrap_or("")
            .to_owned()
    }

    #[test]
    fn flags_responsible_for_before_a_noun_phrase() {
        let doc = md("Responsible for the payroll system");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Responsible for"]);
        assert_eq!(
            messages(R, Format::Markdown, &doc),
            ["Weak opener \"Responsible for\""]
        );
        assert_eq!(
            fix_titles(R, Format::Markdown, &doc),
            [
                "Replace \"Responsible for\" with \"Led\"",
                "Replace \"Responsible for\" with \"Managed\"",
                "Replace \"Responsible for\" with \"Owned\"",
            ]
        );
        assert_eq!(fixed(&doc, 0), "Led the payroll system");
        assert_eq!(fixed(&doc, 2), "Owned the payroll system");
    }

    #[test]
    fn present_tense_in_a_current_role() {
        let doc = md_current("Responsible for the payroll system");
        assert_eq!(fixed(&doc, 0), "Lead the payroll system");
        let doc = md_current("Responsible for managing the payroll");
        assert_eq!(fixed(&doc, 0), "Manage the payroll");
        // An opener with a tense keeps it.
        let doc = md_current("Helped build the API");
        assert_eq!(fixed(&doc, 0), "Built the API");
        let doc = md_current("Help build the API");
        assert_eq!(fixed(&doc, 0), "Build the API");
    }

    #[test]
    fn a_gerund_becomes_its_own_verb() {
        let doc = md("Responsible for managing the payroll");
        assert_eq!(
            fix_titles(R, Format::Markdown, &doc),
            ["Replace \"Responsible for managing\" with \"Managed\""]
        );
        assert_eq!(fixed(&doc, 0), "Managed the payroll");
        let doc = md("Assisted in developing the billing API");
        assert_eq!(fixed(&doc, 0), "Developed the billing API");
        let doc = md("Working on improving search latency");
        assert_eq!(fixed(&doc, 0), "Improving search latency");
    }

    #[test]
    fn coordinated_gerunds_follow() {
        let doc = md("Responsible for answering phones, filing records, and greeting visitors");
        assert_eq!(
            fixed(&doc, 0),
            "Answered phones, filed records, and greeted visitors"
        );
        let doc = md("Responsible for hiring and onboarding engineers");
        assert_eq!(fixed(&doc, 0), "Hired and onboarded engineers");
        // Gerunds used as nouns stay.
        let doc = md("Responsible for managing payroll, invoicing and reporting");
        assert_eq!(fixed(&doc, 0), "Managed payroll, invoicing and reporting");
        // After a noun phrase, the later gerund would need rewording too: no fix.
        let doc = md("Responsible for the payroll system and training new hires");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Responsible for"]);
        assert!(fix_titles(R, Format::Markdown, &doc).is_empty());
        // Examples after "including" are not coordinated with the verb.
        let doc = md(
            "Responsible for running the shelter, including feeding animals and cleaning kennels",
        );
        assert_eq!(
            fixed(&doc, 0),
            "Ran the shelter, including feeding animals and cleaning kennels"
        );
    }

    #[test]
    fn noun_like_gerunds_stay_nouns() {
        let doc = md("Responsible for building maintenance at three sites");
        assert_eq!(
            fixed(&doc, 1),
            "Managed building maintenance at three sites"
        );
        let doc = md("Responsible for building the new warehouse");
        assert_eq!(fixed(&doc, 0), "Built the new warehouse");
    }

    #[test]
    fn helped_before_a_verb() {
        let doc = md("Helped build the API");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Helped"]);
        assert_eq!(
            fix_titles(R, Format::Markdown, &doc),
            ["Replace \"Helped build\" with \"Built\""]
        );
        assert_eq!(fixed(&md("Helped to build the API"), 0), "Built the API");
        assert_eq!(
            fixed(&md("Helped design and build the API"), 0),
            "Designed and built the API"
        );
        assert_eq!(
            fixed(&md("Helped ensure compliance with SOX"), 0),
            "Ensured compliance with SOX"
        );
        assert_eq!(
            fixed(&md("Managed to cut costs by 20%"), 0),
            "Cut costs by 20%"
        );
    }

    #[test]
    fn helped_before_people_is_the_job() {
        assert_clean(R, Format::Markdown, &md("Helped customers choose plans"));
        assert_clean(R, Format::Markdown, &md("Help desk support for 300 staff"));
        assert_clean(R, Format::Markdown, &md("Managed the payroll team"));
    }

    #[test]
    fn after_a_pronoun_or_auxiliary() {
        let doc = md("I was responsible for the budget");
        assert_eq!(
            flagged(R, Format::Markdown, &doc),
            ["I was responsible for"]
        );
        assert_eq!(fixed(&doc, 0), "Led the budget");
        let doc = md_current("I was responsible for the budget");
        assert_eq!(fixed(&doc, 0), "Led the budget");
        let doc = md("I'm responsible for the budget");
        assert_eq!(fixed(&doc, 0), "Lead the budget");
        let doc = md("We worked on the checkout flow");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["We worked on"]);
        assert_eq!(fixed(&doc, 0), "Built the checkout flow");
        let doc = md("I helped build the API");
        assert_eq!(fixed(&doc, 0), "Built the API");
        let doc = md("Was tasked with the data migration");
        assert_eq!(fixed(&doc, 0), "Delivered the data migration");
    }

    #[test]
    fn other_openers() {
        let doc = md("Worked on the checkout flow");
        assert_eq!(
            fix_titles(R, Format::Markdown, &doc),
            [
                "Replace \"Worked on\" with \"Built\"",
                "Replace \"Worked on\" with \"Delivered\"",
                "Replace \"Worked on\" with \"Developed\"",
            ]
        );
        let doc = md("Assisted with the ERP migration");
        assert_eq!(fixed(&doc, 0), "Contributed to the ERP migration");
        assert_eq!(fixed(&doc, 1), "Supported the ERP migration");
        let doc = md("Participated in code reviews for two teams");
        assert_eq!(fixed(&doc, 0), "Contributed to code reviews for two teams");
        let doc = md("Utilized Python to automate reports");
        assert_eq!(fixed(&doc, 0), "Applied Python to automate reports");
        let doc = md("Duties included: answering phones and filing records");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Duties included"]);
        assert_eq!(fixed(&doc, 0), "Answered phones and filed records");
        let doc = md("In charge of the front desk");
        assert_eq!(fixed(&doc, 2), "Oversaw the front desk");
    }

    #[test]
    fn case_follows_the_original() {
        let doc = md("responsible for the payroll system");
        assert_eq!(fixed(&doc, 0), "led the payroll system");
    }

    #[test]
    fn not_flagged() {
        for bullet in [
            "Led the payroll migration",
            "Worked on a team of five engineers",
            "Worked on-site at client offices",
            "Reworked on-call rotations",
            "Built the API that helped build trust",
            "Mentored interns who worked on the checkout",
        ] {
            assert_clean(R, Format::Markdown, &md(bullet));
        }
    }

    #[test]
    fn only_prose_about_your_work() {
        let doc =
            "## Skills\n\n- Responsible for nothing\n\n## Summary\n\nResponsible for payroll.\n";
        assert_clean(R, Format::Markdown, doc);
    }

    #[test]
    fn role_description_sentences() {
        let doc = "## Experience\n\n### Analyst, Acme — 2019 – 2022\n\nResponsible for payroll. Helped build the ledger.\n";
        assert_eq!(
            flagged(R, Format::Markdown, doc),
            ["Responsible for", "Helped"]
        );
    }

    #[test]
    fn no_fix_across_markup() {
        let doc = md("**Responsible** for payroll");
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Responsible** for"]);
        assert!(fix_titles(R, Format::Markdown, &doc).is_empty());
    }

    #[test]
    fn yaml_highlights() {
        let doc = "work:\n  - position: Analyst\n    startDate: 2019-01\n    endDate: 2022-01\n    highlights:\n      - Responsible for payroll\n      - Managed the ledger\n";
        assert_eq!(flagged(R, Format::Yaml, doc), ["Responsible for"]);
        let out = apply_fix(R, Format::Yaml, doc, 0);
        assert!(out.contains("      - Led payroll\n"), "{out}");
        assert_clean(
            R,
            Format::Yaml,
            "work:\n  - position: Analyst\n    highlights:\n      - Led payroll for 400 staff\n",
        );
    }

    #[test]
    fn yaml_and_json_current_roles() {
        let yaml = "cv:\n  sections:\n    experience:\n      - company: Acme\n        position: Analyst\n        start_date: 2020-01\n        end_date: present\n        highlights:\n          - Responsible for payroll\n";
        let out = apply_fix(R, Format::Yaml, yaml, 0);
        assert!(out.contains("- Lead payroll\n"), "{out}");
        let json = r#"{"work":[{"position":"Analyst","startDate":"2018-01","endDate":"2020-01","highlights":["Responsible for payroll"]}]}"#;
        let out = apply_fix(R, Format::Json, json, 0);
        assert!(out.contains(r#"["Led payroll"]"#), "{out}");
    }

    #[test]
    fn rendercv_single_date_field_range_is_a_past_role() {
        // `date: 2019 – 2021` holds both ends: the role is over, so the past tense.
        let yaml = "cv:\n  sections:\n    experience:\n      - company: Acme\n        position: Analyst\n        date: 2019 – 2021\n        highlights:\n          - Responsible for payroll\n";
        let out = apply_fix(R, Format::Yaml, yaml, 0);
        assert!(out.contains("- Led payroll\n"), "{out}");
    }

    #[test]
    fn json_highlights() {
        let doc = r#"{"work":[{"position":"Analyst","startDate":"2020-01","highlights":["Responsible for payroll","Helped build the ledger"]}]}"#;
        assert_eq!(flagged(R, Format::Json, doc), ["Responsible for", "Helped"]);
        let out = apply_fix(R, Format::Json, doc, 0);
        assert!(out.contains(r#"["Lead payroll","#), "{out}");
        assert_clean(
            R,
            Format::Json,
            r#"{"work":[{"position":"Analyst","highlights":["Led payroll for 400 staff"]}]}"#,
        );
    }

    #[test]
    fn doc_example_triggers_and_use_instead_does_not() {
        let (example, instead) = super::doc_examples(super::WeakOpener::META.doc);
        let (format, text) = &example[0];
        assert!(!flagged(R, *format, text).is_empty(), "{text}");
        assert!(!instead.is_empty());
        for (format, text) in &instead {
            assert_clean(R, *format, text);
        }
    }
}
