use crate::document::dates::{End, YearMonth};
use crate::document::{Block, BlockKind, Format, LayoutKind, Resume, Role, SectionKind};
use crate::rules::{Context, Rule, Sink, declare_rule};
use crate::span::TextRange;

declare_rule! {
    /// ## What it does
    /// Estimates how many US Letter pages the resume fills, without rendering it, and
    /// flags a resume longer than one page for under ten years of experience, or longer
    /// than two pages otherwise. One diagnostic, on the first line of the document, names
    /// the estimate: "Resume is about 2.4 pages for 6 years of experience".
    ///
    /// The page model: a US Letter page of a typical resume template (10.5 to 11 pt type,
    /// margins of about 0.75 in) holds about 50 lines of 95 characters. Every heading,
    /// role line, paragraph and bullet starts a line, and its words wrap at 95 characters
    /// (a bullet at 91, four less per nesting level). A heading, set larger and spaced,
    /// counts two lines, as does the name at the top. Half a line separates roles and
    /// other entries, and follows a paragraph outside a role. In YAML and JSON, a section
    /// without a written heading (JSON Resume's `work`) still gets one, and the fields of
    /// an entry (title, company, dates, location) are set side by side at 60 characters a
    /// line, as themes lay them out in two columns (so are the cells of a Markdown
    /// table); what a theme does not print (RenderCV's `design` and `locale`, file paths,
    /// photos, URLs) counts for nothing.
    ///
    /// Years of experience are the union of the periods of the roles in the experience
    /// section or, without one, of the roles under headings hirelint does not know
    /// ("Academic Positions") or under none (never education, projects, volunteering or
    /// awards), from the month each starts to the month it ends, both counted
    /// ("2014 – 2024" is ten years); overlapping roles count once. A role that goes on
    /// ends at the current month of the settings.
    ///
    /// ## Why is this bad?
    /// The US resume guide: "Use US Letter size, one page for under 10 years experience";
    /// "a one-page resume is the gold standard for anyone with less than 10 years of
    /// experience. For senior executives, two pages are acceptable, but conciseness is
    /// highly valued." Recruiters "spend seconds scanning a resume": a second page under
    /// ten years, or a third after, is rarely read, and it buries the results that matter
    /// under ones that do not.
    ///
    /// ## Example
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// ## Experience
    ///
    /// **Analyst**, Acme | 2019 – 2022
    ///
    /// - Rebuilt the billing workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the payroll workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the invoicing workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the reporting workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the forecasting workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the expense workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the audit workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the tax workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the treasury workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the procurement workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the vendor workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the budget workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the pricing workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the refund workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the ledger workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the cash workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the revenue workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the payments workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the collections workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the onboarding workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the inventory workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the settlement workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the compliance workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the contract workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the receipts workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the approvals workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the accruals workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the close workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the reconciliation workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the statements workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the payroll audit workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the grants workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the travel workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the benefits workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the leases workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the capital workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the equity workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the royalties workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the tariffs workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// - Rebuilt the customs workflow for the finance team, cutting its cycle time from 6 days to 2 and saving 40 hours a month
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// ## Experience
    ///
    /// **Analyst**, Acme | 2019 – 2022
    ///
    /// - Rebuilt the billing pipeline for the finance team, cutting month-end close from 6 days to 2
    /// - Automated vendor reconciliation, saving 40 hours a month
    /// ```
    ///
    /// ## Known limits
    /// An estimate, not a rendering: fonts, margins and themes differ, so the rule reports
    /// only beyond 1.5 pages (2.5 after ten years). Hard line breaks inside a paragraph
    /// are read as spaces. Student and academic CVs, whose publications and talks
    /// legitimately run long, are still held to the US guide's resume norms; disable the
    /// rule in such a file. Without a current month in the settings (the engine reads no
    /// clock), a role that goes on is counted up to the latest month written in the
    /// resume's roles, which may undercount; the rule then cannot tell ten years from
    /// fewer, and allows two pages. Years are whole years of the union: gaps are not
    /// counted, and roles outside the experience section (education, projects,
    /// volunteering) are not experience.
    pub struct ResumeTooLong {
        id: "resume-too-long",
        category: Length,
        severity: Warning,
        fix: None,
    }
}

/// A US Letter page of a typical template: lines, and characters a line.
const LINES_PER_PAGE: f64 = 50.0;
const CHARS_PER_LINE: usize = 95;
/// Entry fields (title, company, dates) set side by side in two columns.
const FIELD_CHARS_PER_LINE: usize = 60;
/// Indent of a bullet, per nesting level.
const BULLET_INDENT: usize = 4;
/// A heading: larger type and the space around it.
const HEADING_LINES: f64 = 2.0;
/// Space between paragraphs and between roles.
const GAP_LINES: f64 = 0.5;
/// The estimate is rough (themes differ by a third in what fits on a page): report only
/// beyond the limit by half a page, so a dense one-pager set in a spacious theme is left alone.
const MARGIN_PAGES: f64 = 0.5;
/// Experience from which two pages are the norm, in months.
const SENIOR_MONTHS: i32 = 10 * 12;

/// YAML / JSON keys whose values a theme does not print.
const UNPRINTED_KEYS: &[&str] = &[
    "$schema",
    "avatar",
    "canonical",
    "countrycode",
    "current_date",
    "doi",
    "exclude",
    "flavor",
    "format",
    "icon",
    "id",
    "image",
    "lastmodified",
    "layout",
    "link",
    "photo",
    "picture",
    "plugins",
    "theme",
    "url",
    "version",
    "website",
];

impl Rule for ResumeTooLong {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        // A document cut short by a syntax error would be underestimated.
        if cx.resume.is_truncated() {
            return;
        }
        let pages = estimate_pages(cx.resume);
        let experience = experience(cx.resume, cx.settings.today);
        // Without the current month, a role that goes on may hide ten years.
        let senior = experience.months >= SENIOR_MONTHS || experience.lower_bound;
        let limit = if senior { 2.0 } else { 1.0 };
        if pages <= limit + MARGIN_PAGES {
            return;
        }
        let norm = if senior {
            "the US norm is two pages at most"
        } else {
            "the US norm is one page under 10 years"
        };
        sink.report(
            first_line(cx.resume),
            format!(
                "Resume is about {pages:.1} pages {}; {norm}",
                experience.describe()
            ),
        );
    }
}

/// Where the diagnostic goes: the first block of the document (the name or first heading).
fn first_line(resume: &Resume) -> TextRange {
    resume
        .blocks
        .iter()
        .filter(|b| is_printed_field(b))
        .map(|b| b.text.span())
        .min_by_key(|s| s.start())
        .unwrap_or_else(|| TextRange::new(0, 0))
}

/// Lines `text` takes when its words wrap at `width` characters.
fn wrapped_lines(text: &str, width: usize) -> usize {
    // ASCII text (most of it) counts bytes, without decoding; `split_whitespace` also
    // splits at U+000B, which `split_ascii_whitespace` does not.
    if text.is_ascii() && !text.contains('\u{b}') {
        wrap(text.split_ascii_whitespace().map(str::len), width)
    } else {
        wrap(text.split_whitespace().map(|w| w.chars().count()), width)
    }
}

/// Lines taken by words of these lengths (in characters) wrapped at `width`.
fn wrap(words: impl Iterator<Item = usize>, width: usize) -> usize {
    let mut lines = 0;
    let mut used = 0;
    for len in words {
        if lines == 0 || used + 1 + len > width {
            lines += 1;
            used = len;
        } else {
            used += 1 + len;
        }
    }
    lines
}

fn is_printed_field(block: &Block) -> bool {
    block.key.as_deref().is_none_or(|k| {
        !(UNPRINTED_KEYS.contains(&k)
            || k.ends_with("url")
            || k.ends_with("_path")
            || k.ends_with("_dir"))
    })
}

/// Pages the resume fills on US Letter (see the rule's doc for the model).
fn estimate_pages(resume: &Resume) -> f64 {
    line_items(resume).iter().map(|(_, l)| l).sum::<f64>() / LINES_PER_PAGE
}

/// The lines of the page model, each with the block that takes them (`None` for the
/// headings of sections that have no heading block).
fn line_items(resume: &Resume) -> Vec<(Option<usize>, f64)> {
    let mut items = Vec::new();
    let structured = resume.format != Format::Markdown;
    // Sections whose heading is not a block of its own (JSON Resume's keys).
    if structured {
        let headed: Vec<usize> = resume
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .filter_map(|b| b.section)
            .collect();
        let unheaded = resume
            .sections
            .iter()
            .enumerate()
            .filter(|(i, s)| s.kind != SectionKind::Contact && !headed.contains(i))
            .count();
        items.push((None, HEADING_LINES * unheaded as f64));
    }
    let tables: Vec<TextRange> = resume
        .layout
        .iter()
        .filter(|l| l.kind == LayoutKind::Table)
        .map(|l| l.span)
        .collect();
    let mut seen_section = false;
    let mut last_role = None;
    // Width of the run of fields being set side by side, and its field count.
    // (section, role, width, first block)
    let mut run: Option<(Option<usize>, Option<usize>, usize, usize)> = None;
    let flush = |run: &mut Option<(Option<usize>, Option<usize>, usize, usize)>,
                 items: &mut Vec<(Option<usize>, f64)>| {
        if let Some((_, role, width, at)) = run.take() {
            // An entry that is not a role (a degree, an award) is spaced like one.
            let gap = if role.is_none() { GAP_LINES } else { 0.0 };
            items.push((Some(at), width.div_ceil(FIELD_CHARS_PER_LINE) as f64 + gap));
        }
    };
    for (index, block) in resume.blocks.iter().enumerate() {
        let mut lines = 0.0;
        seen_section |= block.section.is_some();
        if block.role.is_some() && block.role != last_role {
            lines += GAP_LINES;
        }
        last_role = block.role.or(last_role);
        let text = block.text.as_str();
        if structured && block.kind == BlockKind::Field {
            // Settings after the sections (RenderCV's `design`) are not printed.
            if (block.section.is_none() && seen_section) || !is_printed_field(block) {
                continue;
            }
            if block.key.as_deref() == Some("name") && block.section.is_none() {
                flush(&mut run, &mut items);
                items.push((Some(index), lines + HEADING_LINES));
                continue;
            }
        }
        // Fields, and the cells of a Markdown table, are set side by side.
        let in_table = || tables.iter().any(|t| t.contains(block.text.span().start()));
        if (structured && block.kind == BlockKind::Field) || (!structured && in_table()) {
            let len = text.chars().count();
            match &mut run {
                Some((section, role, width, _))
                    if *section == block.section && *role == block.role =>
                {
                    *width += 3 + len;
                }
                _ => {
                    flush(&mut run, &mut items);
                    run = Some((block.section, block.role, len, index));
                }
            }
            if lines > 0.0 {
                items.push((Some(index), lines));
            }
            continue;
        }
        flush(&mut run, &mut items);
        lines += match block.kind {
            BlockKind::Heading => HEADING_LINES,
            BlockKind::Field if block.key.as_deref() == Some("name") => HEADING_LINES,
            BlockKind::Bullet => {
                let indent = BULLET_INDENT * (usize::from(block.depth) + 1);
                // Deep nesting leaves a narrow column, never none.
                wrapped_lines(text, CHARS_PER_LINE.saturating_sub(indent).max(20)) as f64
            }
            // A role's description runs into its bullets; other paragraphs are spaced.
            BlockKind::Paragraph | BlockKind::Summary if block.role.is_some() => {
                wrapped_lines(text, CHARS_PER_LINE) as f64
            }
            BlockKind::Paragraph | BlockKind::Summary => {
                wrapped_lines(text, CHARS_PER_LINE) as f64 + GAP_LINES
            }
            BlockKind::RoleHeader | BlockKind::Field => wrapped_lines(text, CHARS_PER_LINE) as f64,
        };
        items.push((Some(index), lines));
    }
    flush(&mut run, &mut items);
    items
}

/// Months of experience, from the roles of the experience section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Experience {
    months: i32,
    /// Some role has a start date.
    dated: bool,
    /// A role goes on and the current month is unknown: `months` may undercount.
    lower_bound: bool,
}

impl Experience {
    /// "for 6 years of experience", "with no dated experience".
    fn describe(self) -> String {
        let years = self.months / 12;
        let at_least = if self.lower_bound { "at least " } else { "" };
        match years {
            _ if !self.dated => "with no dated experience".to_owned(),
            0 if self.lower_bound => "for at least a few months of experience".to_owned(),
            0 => "for under a year of experience".to_owned(),
            1 => format!("for {at_least}1 year of experience"),
            n => format!("for {at_least}{n} years of experience"),
        }
    }
}

/// The union of the periods of the roles in the experience section or, without one, of the
/// roles in sections of other names ("Academic Positions") and in no section.
fn experience(resume: &Resume, today: Option<YearMonth>) -> Experience {
    let kind = |r: &Role| resume.role_section_kind(r);
    let mut roles: Vec<&Role> = resume
        .roles
        .iter()
        .filter(|r| kind(r) == Some(SectionKind::Experience))
        .collect();
    if roles.is_empty() {
        // No experience heading: roles under headings hirelint does not know ("Academic
        // Positions") or under none.
        roles = resume
            .roles
            .iter()
            .filter(|r| matches!(kind(r), Some(SectionKind::Other) | None))
            .collect();
    }
    // The latest month written: the resume was written no earlier.
    let latest_written = roles
        .iter()
        .flat_map(|r| r.period.dates())
        .map(|d| d.date.earliest())
        .max();
    let mut lower_bound = false;
    let mut spans: Vec<(YearMonth, YearMonth)> = Vec::new();
    for role in &roles {
        let period = &role.period;
        let Some(start) = period.start.as_ref().map(|s| s.date.earliest()) else {
            continue;
        };
        let end = match &period.end {
            Some(End::Date(d)) => d.date.earliest(),
            Some(End::Present(_) | End::Open) => today.unwrap_or_else(|| {
                lower_bound = true;
                latest_written.unwrap_or(start)
            }),
            None => start,
        };
        if end >= start {
            spans.push((start, end));
        }
    }
    spans.sort();
    let mut months = 0;
    let mut current: Option<(YearMonth, YearMonth)> = None;
    for (start, end) in spans.iter().copied() {
        current = match current {
            Some((s, e)) if start <= e => Some((s, e.max(end))),
            Some((s, e)) => {
                months += s.months_until(e) + 1;
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    if let Some((s, e)) = current {
        months += s.months_until(e) + 1;
    }
    Experience {
        months,
        dated: !spans.is_empty(),
        lower_bound,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::registry::RuleId;
    use crate::settings::Settings;
    use crate::testing::{TODAY, assert_clean, flagged, lint_with, messages};

    const R: RuleId = RuleId::ResumeTooLong;

    const BULLET: &str = "Rebuilt the billing pipeline for the finance team, cutting month-end close from 6 days to 2 and saving 40 hours a month";

    /// A Markdown resume with `roles` roles (dated `dates`) of `bullets` two-line bullets.
    fn md(roles: &[&str], bullets: usize) -> String {
        let mut s = String::from("# Ada Lovelace\n\nada@example.com\n\n## Experience\n\n");
        for dates in roles {
            s.push_str(&format!("**Analyst**, Acme | {dates}\n\n"));
            for _ in 0..bullets {
                s.push_str(&format!("- {BULLET}\n"));
            }
            s.push('\n');
        }
        s
    }

    fn pages(format: Format, text: &str) -> f64 {
        let settings = Settings::default();
        estimate_pages(&Resume::parse(text, format, &settings.data))
    }

    fn years(text: &str, today: Option<YearMonth>) -> Experience {
        let settings = Settings::default();
        experience(
            &Resume::parse(text, Format::Markdown, &settings.data),
            today,
        )
    }

    #[test]
    fn wraps_words() {
        assert_eq!(wrapped_lines("", 10), 0);
        assert_eq!(wrapped_lines("one two", 10), 1);
        assert_eq!(wrapped_lines("one two three", 10), 2);
        assert_eq!(wrapped_lines(BULLET, 86), 2);
        // Both paths: chars, not bytes, and every Unicode space splits words.
        assert_eq!(wrapped_lines("résumé café", 11), 1);
        assert_eq!(wrapped_lines("one\u{b}two three", 7), 2);
        assert_eq!(wrapped_lines("one\u{a0}two three", 7), 2);
    }

    #[test]
    fn estimates_pages() {
        // Name 2, contact 1.5, heading 2, role 1.5, 20 bullets of 2 lines: 47 lines.
        let p = pages(Format::Markdown, &md(&["2019 – 2022"], 20));
        assert!((p - 47.0 / 50.0).abs() < 1e-9, "{p} pages");
        let p = pages(Format::Markdown, &md(&["2019 – 2022"; 3], 20));
        assert!((p - 130.0 / 50.0).abs() < 1e-9, "{p} pages");
    }

    #[test]
    fn counts_years_of_experience() {
        let e = years(&md(&["2014 – 2024"], 1), None);
        assert_eq!(e.months, 121);
        assert!(!e.lower_bound);
        // Overlapping roles count once; a gap is not experience.
        let e = years(&md(&["2019 – 2022", "2020 – 2021", "2010 – 2011"], 1), None);
        assert_eq!(e.months, 37 + 13);
        // A role that goes on ends today; without today, at the latest month written.
        let e = years(&md(&["Jan 2020 – Present"], 1), Some(TODAY));
        assert_eq!(e.months, 83);
        let e = years(&md(&["Jan 2020 – Present", "2012 – 2019"], 1), None);
        assert!(e.lower_bound);
        assert_eq!(e.months, 85 + 1);
        // Education is not experience.
        let e = years(
            "# Ada\n\n## Education\n\n**BSc**, MIT | 2010 – 2014\n\n## Experience\n\n**Dev**, Acme | 2020 – 2021\n\n- Shipped things\n",
            None,
        );
        assert_eq!(e.months, 13);
        assert!(!years("# Ada\n\n## Experience\n\n- Shipped things\n", None).dated);
        // A section of another name holds experience too.
        let e = years(
            "# Ada\n\n## Academic Positions\n\n**Lecturer**, MIT | 2015 – 2025\n\n- Taught\n",
            None,
        );
        assert_eq!(e.months, 121);
    }

    #[test]
    fn flags_two_pages_for_six_years() {
        let doc = md(&["2016 – 2019", "2019 – 2022"], 20);
        assert_eq!(
            messages(R, Format::Markdown, &doc),
            [
                "Resume is about 1.8 pages for 6 years of experience; the US norm is one page under 10 years"
            ]
        );
        assert_eq!(flagged(R, Format::Markdown, &doc), ["Ada Lovelace"]);
    }

    #[test]
    fn two_pages_are_fine_after_ten_years() {
        let doc = md(&["2010 – 2016", "2016 – 2022"], 20);
        assert_clean(R, Format::Markdown, &doc);
        let doc = md(&["2004 – 2010", "2010 – 2016", "2016 – 2022"], 20);
        assert_eq!(
            messages(R, Format::Markdown, &doc),
            [
                "Resume is about 2.6 pages for 18 years of experience; the US norm is two pages at most"
            ]
        );
    }

    #[test]
    fn one_page_and_the_margin_are_fine() {
        assert_clean(R, Format::Markdown, &md(&["2019 – 2022"], 20));
        assert_eq!(
            messages(R, Format::Markdown, &md(&["Recently"], 40)),
            [
                "Resume is about 1.7 pages with no dated experience; the US norm is one page under 10 years"
            ]
        );
        // 7 + 2 x 34 = 75 lines, 1.5 pages: within the estimate's error.
        assert_clean(R, Format::Markdown, &md(&["2019 – 2022"], 34));
        assert_eq!(
            messages(R, Format::Markdown, &md(&["2019 – 2022"], 35)),
            [
                "Resume is about 1.5 pages for 3 years of experience; the US norm is one page under 10 years"
            ]
        );
    }

    #[test]
    fn an_ongoing_role_without_today_allows_two_pages() {
        let doc = md(&["Jan 2020 – Present"], 40);
        let mut settings = Settings::only(&[R]);
        assert!(lint_with(&settings, Format::Markdown, &doc).is_empty());
        // Beyond two pages it reports, and says the years are a minimum.
        let long = md(&["Jan 2020 – Present", "2012 – 2019"], 40);
        let d = lint_with(&settings, Format::Markdown, &long);
        assert_eq!(
            d[0].message,
            "Resume is about 3.4 pages for at least 7 years of experience; the US norm is two pages at most"
        );
        settings.today = Some(TODAY);
        let d = lint_with(&settings, Format::Markdown, &doc);
        assert_eq!(
            d[0].message,
            "Resume is about 1.7 pages for 6 years of experience; the US norm is one page under 10 years"
        );
    }

    fn yaml(entries: usize, highlights: usize) -> String {
        let mut s = String::from(
            "cv:\n  name: Ada Lovelace\n  email: ada@example.com\n  sections:\n    experience:\n",
        );
        for i in 0..entries {
            s.push_str(&format!(
                "      - company: Acme\n        position: Analyst\n        start_date: {}-01\n        end_date: {}-12\n        highlights:\n",
                2010 + i,
                2010 + i
            ));
            for _ in 0..highlights {
                s.push_str(&format!("          - {BULLET}\n"));
            }
        }
        s.push_str("design:\n  theme: classic\n");
        s
    }

    fn json(entries: usize, highlights: usize) -> String {
        let work: Vec<String> = (0..entries)
            .map(|i| {
                let h = vec![format!("\"{BULLET}\""); highlights].join(",");
                format!(
                    r#"{{"name":"Acme","position":"Analyst","startDate":"{}-01","endDate":"{}-12","highlights":[{h}]}}"#,
                    2010 + i,
                    2010 + i
                )
            })
            .collect();
        format!(
            r#"{{"basics":{{"name":"Ada Lovelace","email":"ada@example.com"}},"work":[{}]}}"#,
            work.join(",")
        )
    }

    #[test]
    fn yaml_and_json() {
        // Three years, 3 x 14 two-line highlights: about 1.9 pages.
        let y = yaml(3, 14);
        assert_eq!(
            messages(R, Format::Yaml, &y),
            [
                "Resume is about 1.9 pages for 3 years of experience; the US norm is one page under 10 years"
            ]
        );
        assert_eq!(flagged(R, Format::Yaml, &y), ["Ada Lovelace"]);
        assert_clean(R, Format::Yaml, &yaml(3, 5));
        let j = json(3, 14);
        assert_eq!(
            messages(R, Format::Json, &j),
            [
                "Resume is about 1.8 pages for 3 years of experience; the US norm is one page under 10 years"
            ]
        );
        assert_clean(R, Format::Json, &json(3, 5));
        // Twelve years: two pages are fine in JSON too.
        assert_clean(R, Format::Json, &json(12, 3));
    }

    #[test]
    fn table_cells_are_set_side_by_side() {
        let doc = "# Ada\n\n## Skills\n\n| Area | Tools |\n| --- | --- |\n| Languages | Rust, Go |\n| Data | Postgres, Kafka |\n";
        // Name 2, heading 2, six short cells on one line of 60 characters and a gap.
        let p = pages(Format::Markdown, doc);
        assert!((p - 5.5 / 50.0).abs() < 1e-9, "{p} pages");
    }

    #[test]
    fn settings_are_not_printed() {
        let base = yaml(1, 2);
        let with_design = format!(
            "{base}  font: Source Sans\n  page_size: letterpaper\n  typst_path: out/cv.typ\n"
        );
        assert!((pages(Format::Yaml, &base) - pages(Format::Yaml, &with_design)).abs() < 1e-9);
    }

    #[test]
    fn doc_example_triggers_and_use_instead_does_not() {
        let (example, instead) =
            crate::rules::verbs::weak_opener::doc_examples(super::ResumeTooLong::META.doc);
        let (format, text) = &example[0];
        assert!(!flagged(R, *format, text).is_empty(), "{text}");
        assert!(!instead.is_empty());
        for (format, text) in &instead {
            assert_clean(R, *format, text);
        }
    }
}
