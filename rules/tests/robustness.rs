#![allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

//! The engine never panics and every range it returns lies inside the text, on char
//! boundaries, whatever the input.

use hirelint_rules::document::dates::YearMonth;
use hirelint_rules::{
    Applicability, Diagnostic, Format, Input, Posting, PostingFormat, Settings, apply_fixes, lint,
};
use proptest::prelude::*;

/// Default settings in a fixed month, so the dates rules that need one run too.
fn settings() -> Settings {
    let mut settings = Settings::default();
    settings.today = Some(YearMonth::new(2026, 11));
    settings
}

fn check(source: &str, format: Format) {
    check_with(source, format, None);
}

/// Every rule, the posting rules too when there is a posting.
fn check_with(source: &str, format: Format, posting: Option<&Posting>) {
    let settings = settings();
    let report = lint(&Input {
        source,
        format,
        settings: &settings,
        posting,
    });
    if let Some(p) = posting {
        for k in &p.keywords {
            for r in &k.posting {
                assert!(
                    r.end() <= p.source.len()
                        && p.source.is_char_boundary(r.start())
                        && p.source.is_char_boundary(r.end()),
                    "posting range {r:?} of {:?} outside the posting",
                    k.name
                );
            }
        }
        let m = report.posting.as_ref().expect("a match with a posting");
        assert!(m.score <= 100 && m.must_have_score <= 100);
    }
    assert!(
        report.failed_rules.is_empty(),
        "rules panicked: {:?}",
        report.failed_rules
    );
    for d in &report.diagnostics {
        assert_in_text(source, d);
    }
    // Applying every fix keeps the text valid UTF-8 (it is a String) and never panics.
    let _ = apply_fixes(source, &report.diagnostics, Applicability::Suggestion);
}

fn assert_in_text(source: &str, d: &Diagnostic) {
    let ok = |r: hirelint_rules::TextRange| {
        r.start <= r.end
            && r.end() <= source.len()
            && source.is_char_boundary(r.start())
            && source.is_char_boundary(r.end())
    };
    assert!(ok(d.range), "{} range {:?} outside text", d.rule, d.range);
    for fix in &d.fixes {
        for edit in &fix.edits {
            assert!(
                ok(edit.range),
                "{} edit {:?} outside text",
                d.rule,
                edit.range
            );
        }
    }
}

/// Fragments of resumes in every format, so generated inputs reach the rules.
const FRAGMENTS: &[&str] = &[
    "# Jane Doe\n",
    "## Experience\n",
    "## Educaton\n",
    "## My Journey\n",
    "### Engineer, Acme — Jan 2020 – Present\n",
    "- Responsible for payroll\n",
    "- Helped build the API for 2,000 users\n",
    "  - nested 🚀 detail\n",
    "• Led a team of 5\n",
    "**Tutor** | 2018 – 2019\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "![me](photo.jpg)\n",
    "<div>x</div>\n",
    "<!-- hirelint-disable-next-line weak-opener -->\n",
    "Date of Birth: 1990-01-01\n",
    "jane@example.com · (555) 010-0000\n",
    "I worked on things\n",
    "basics:\n  name: Ada\n",
    "work:\n  - position: Dev\n    highlights:\n      - \"Helped é\\u00e9 ship\"\n",
    "    summary: >\n      folded\n      text\n",
    "cv:\n  sections:\n    Experience:\n      - company: X\n        highlights:\n          - A - b - c\n",
    "{\"basics\": {\"email\": \"a@b.c\"}, \"work\": [{\"highlights\": [\"Worked on \\\"x\\\"\"]}]}\n",
    "---\nresume: true\n---\n",
    "&anchor x\n",
    "*alias\n",
    "\t",
    "\r\n",
    "中文简历 性别：男\n",
    "😀",
    "\u{301}",
    "\u{feff}",
    "### Lead, Initech (Jan – Mar)\n",
    "**Intern** | ??? – Present\n",
    "    startDate: 2030-01\n    endDate: 2019-05\n",
    "### Dev | 2019.01 – 03/2020\n",
    "Acme, Since 2021\n",
    "### Analyst (Sept. 2015 – June '20)\n",
    "Android工程师\n2012年至今\n",
    "### Clerk, Umbrella (a few years)\n",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
            "\\PC{0,12}",
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

/// Fragments of job postings.
const POSTING_FRAGMENTS: &[&str] = &[
    "## Requirements\n",
    "Nice to have:\n",
    "- 4+ years of Python\n",
    "- Kubernetes or ECS\n",
    "Amplitude, Mixpanel, or Looker; ",
    "C++, C#, .NET, Node.js, CI/CD, gRPC, TCP/IP, F#, Objective-C. ",
    "Kafka is a plus. ",
    "{\"title\": \"Dev\", \"skills\": [{\"keywords\": [\"Go\", \"k8s\"]}]}",
    "qualifications:\n  - SQL\n",
    "é😀\u{301}",
];

fn posting_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(POSTING_FRAGMENTS).prop_map(str::to_owned),
            "\\PC{0,12}",
        ],
        0..16,
    )
    .prop_map(|parts| parts.concat())
}

fn formats() -> impl Strategy<Value = Format> {
    prop_oneof![
        Just(Format::Markdown),
        Just(Format::Yaml),
        Just(Format::Json)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(source in "\\PC{0,300}", format in formats()) {
        check(&source, format);
    }

    #[test]
    fn resume_like_text_never_panics(source in fragments(), format in formats()) {
        check(&source, format);
    }

    #[test]
    fn postings_never_panic(
        posting in prop_oneof![fragments(), posting_like()],
        structured in any::<bool>(),
        source in fragments(),
        format in formats(),
    ) {
        let kind = if structured { PostingFormat::Structured } else { PostingFormat::Text };
        let posting = Posting::parse(&posting, kind);
        check_with(&source, format, Some(&posting));
    }
}

#[test]
fn hostile_inputs() {
    let deep_json = "[".repeat(10_000);
    let deep_map = "{\"a\":".repeat(10_000);
    let deep_list = "- ".repeat(5_000) + "x";
    let deep_md = "> ".repeat(5_000) + "x";
    let bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n\
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n\
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n\
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n\
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
    let binary: String = (0u8..=255).map(char::from).cycle().take(4096).collect();
    let inputs = [
        deep_json,
        deep_map,
        deep_list,
        deep_md,
        bomb.to_owned(),
        binary,
    ];
    // Run on a thread with the default 2 MiB stack, as the CLI's worker threads have.
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            for input in &inputs {
                for format in [Format::Markdown, Format::Yaml, Format::Json] {
                    check(input, format);
                }
            }
        })
        .map(|h| h.join());
    assert!(
        matches!(handle, Ok(Ok(()))),
        "hostile input crashed the engine"
    );
}

/// Applying every safe fix converges, never breaks a document that parsed, and leaves no
/// safe fix behind.
fn check_fixes(source: &str, format: Format) {
    let settings = settings();
    let input = Input {
        source,
        format,
        settings: &settings,
        posting: None,
    };
    let errors = |text: &str| {
        lint(&Input {
            source: text,
            ..input
        })
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == hirelint_rules::RuleId::SyntaxError)
        .count()
    };
    let fixed = hirelint_rules::fix_until_stable(&input, Applicability::Safe);
    if fixed.applied == 0 {
        return;
    }
    assert!(
        errors(&fixed.text) <= errors(source),
        "safe fixes broke the document:\n{source:?}\n->\n{:?}",
        fixed.text
    );
    let left = lint(&Input {
        source: &fixed.text,
        ..input
    });
    let unfixed: Vec<_> = left
        .diagnostics
        .iter()
        .filter(|d| {
            d.fixes
                .iter()
                .any(|f| f.applicability == Applicability::Safe)
        })
        .map(|d| (d.rule, d.range.slice(&fixed.text).to_owned()))
        .collect();
    // Ten passes converge on anything short of pathological nesting.
    assert!(
        unfixed.is_empty() || fixed.text.len() > 4000,
        "safe fixes did not converge: {unfixed:?} in {:?}",
        fixed.text
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn safe_fixes_converge_and_keep_the_document_valid(source in fragments(), format in formats()) {
        check_fixes(&source, format);
    }
}
