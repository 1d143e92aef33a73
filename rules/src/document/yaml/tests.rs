use super::*;
use crate::data::Data;
use crate::span::TextRange;

fn read(src: &str) -> Resume {
    parse(src, Format::Yaml, &Data::builtin())
}

fn read_json(src: &str) -> Resume {
    parse(src, Format::Json, &Data::builtin())
}

/// The first block whose text contains `needle`.
fn block(r: &Resume, needle: &str) -> Block {
    let found = r.blocks.iter().find(|b| b.text.as_str().contains(needle));
    assert!(
        found.is_some(),
        "no block with {needle:?} in {:#?}",
        r.blocks
    );
    found.cloned().unwrap_or(Block {
        kind: BlockKind::Paragraph,
        text: Text::default(),
        section: None,
        role: None,
        depth: 0,
        key: None,
    })
}

/// Checks that `word` in the block's logical text maps exactly onto `word` in the source.
fn assert_maps(src: &str, r: &Resume, word: &str) {
    let b = block(r, word);
    let at = b.text.as_str().find(word).unwrap_or(usize::MAX);
    let range = b.text.source_range(at..at + word.len());
    assert_eq!(range.slice(src), word, "{:?} in {:?}", word, b.text);
}

fn problem() -> crate::document::SyntaxProblem {
    crate::document::SyntaxProblem {
        span: TextRange::default(),
        message: String::new(),
        truncates: false,
    }
}

fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let before = src.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

#[test]
fn plain_scalars_map_exactly() {
    let src = "work:\n  - highlights:\n      - Zoë 😀 漢字 Helped\n        the team with Helped\n\n        again Helped\n";
    let r = read(src);
    let b = block(&r, "Zoë");
    assert_eq!(
        b.text.as_str(),
        "Zoë 😀 漢字 Helped the team with Helped\nagain Helped"
    );
    assert_eq!(b.kind, BlockKind::Bullet);
    for (at, _) in b.text.as_str().match_indices("Helped") {
        assert_eq!(b.text.source_range(at..at + 6).slice(src), "Helped");
    }
    assert!(r.problems.is_empty(), "{:?}", r.problems);
}

#[test]
fn fresh_affiliation_history_is_not_experience() {
    let r = read_json(
        r#"{"employment":{"history":[{"employer":"Acme","start":"2019-01"}]},"affiliation":{"history":[{"organization":"ACM","start":"2010-01"}]}}"#,
    );
    let kinds: Vec<SectionKind> = r.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [SectionKind::Experience]);
    let acm = block(&r, "ACM");
    assert_eq!(acm.section, None);
}

#[test]
fn single_quoted_scalars_map_exactly() {
    let src = "summary: 'It''s é 😀 漢 Helped\n  folded Helped'\n";
    let r = read(src);
    let b = block(&r, "Helped");
    assert_eq!(b.text.as_str(), "It's é 😀 漢 Helped folded Helped");
    assert_maps(src, &r, "Helped");
    assert_eq!(b.text.source_range(2..3).slice(src), "''");
    let last = b.text.as_str().rfind("Helped").unwrap_or(0);
    assert_eq!(b.text.source_range(last..last + 6).slice(src), "Helped");
}

#[test]
fn double_quoted_scalars_map_exactly() {
    let src = "summary: \"Caf\\u00e9 \\\"ok\\\" é 😀 \\t Helped\\n\\\n    joined Helped \\x41\"\n";
    let r = read(src);
    let b = block(&r, "Helped");
    assert_eq!(
        b.text.as_str(),
        "Café \"ok\" é 😀 \t Helped\njoined Helped A"
    );
    assert_maps(src, &r, "Helped");
    // The escape maps to the whole escape sequence.
    assert_eq!(b.text.source_range(3..5).slice(src), "\\u00e9");
    let last = b.text.as_str().rfind("Helped").unwrap_or(0);
    assert_eq!(b.text.source_range(last..last + 6).slice(src), "Helped");
    let joined = b.text.as_str().find("joined").unwrap_or(0);
    assert_eq!(b.text.source_range(joined..joined + 6).slice(src), "joined");
}

#[test]
fn literal_block_scalars_map_exactly() {
    for header in ["|", "|-", "|+", "|2", "&anchor |", "!!str |-"] {
        let src = format!(
            "summary: {header}\n  é 😀 漢 Helped\n    indented Helped\n\n  last Helped\n\nnext: x\n"
        );
        let r = read(&src);
        assert!(r.problems.is_empty(), "{header}: {:?}", r.problems);
        let b = block(&r, "Helped");
        assert!(
            b.text
                .as_str()
                .starts_with("é 😀 漢 Helped\n  indented Helped\n\nlast Helped"),
            "{header}: {:?}",
            b.text.as_str()
        );
        for (at, _) in b.text.as_str().match_indices("Helped") {
            assert_eq!(
                b.text.source_range(at..at + 6).slice(&src),
                "Helped",
                "{header}"
            );
        }
    }
}

#[test]
fn folded_block_scalars_map_exactly() {
    for header in [">", ">-", ">+", "&a >-"] {
        let src = format!(
            "summary: {header}\n  é 😀 漢 Helped\n  folded Helped\n\n  para Helped\n    spaced Helped\n  end\n"
        );
        let r = read(&src);
        let b = block(&r, "Helped");
        assert!(
            b.text
                .as_str()
                .starts_with("é 😀 漢 Helped folded Helped\npara Helped\n  spaced Helped\nend"),
            "{header}: {:?}",
            b.text.as_str()
        );
        for (at, _) in b.text.as_str().match_indices("Helped") {
            assert_eq!(
                b.text.source_range(at..at + 6).slice(&src),
                "Helped",
                "{header}"
            );
        }
        // The folded break maps to the line break and indentation.
        let space = b.text.as_str().find(" folded").unwrap_or(0);
        assert_eq!(b.text.source_range(space..space + 1).slice(&src), "\n  ");
    }
}

#[test]
fn crlf_input() {
    let src = "basics:\r\n  name: Zoë\r\n  summary: >\r\n    Led é\r\n    Helped team\r\nwork:\r\n  - position: Dev\r\n    highlights:\r\n      - \"Helped \\u00e9\r\n        more\"\r\n      - plain Helped\r\n        two\r\n";
    let r = read(src);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let summary = block(&r, "Led");
    assert_eq!(summary.kind, BlockKind::Summary);
    assert!(summary.text.as_str().starts_with("Led é Helped team"));
    assert_maps(src, &r, "Helped team");
    assert_eq!(block(&r, "more").text.as_str(), "Helped é more");
    assert_eq!(block(&r, "plain").text.as_str(), "plain Helped two");
    assert_maps(src, &r, "plain Helped");
    for b in &r.blocks {
        assert!(!b.text.span().slice(src).is_empty());
    }
}

#[test]
fn duplicate_keys_are_problems() {
    let src = "basics:\n  name: Ada\n  name: Bob\nwork: []\n";
    let r = read(src);
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    let p = r.problems.first().cloned().unwrap_or_else(problem);
    assert!(
        p.message.contains("duplicate key \"name\""),
        "{}",
        p.message
    );
    assert_eq!(p.span.slice(src), "name");
    assert_eq!(line_col(src, p.span.start()), (3, 3));
    // Linting goes on: the last value is kept, the rest of the document is read.
    let names: Vec<_> = r
        .fields
        .iter()
        .filter(|f| f.path == "basics.name")
        .filter_map(|f| f.value.as_ref().map(|v| v.as_str().to_owned()))
        .collect();
    assert!(names.contains(&"Bob".to_owned()), "{names:?}");
    assert!(r.fields.iter().any(|f| f.path == "work"));
}

#[test]
fn syntax_error_position_and_partial_model() {
    let src =
        "basics:\n  name: Zoë Müller\n  summary: Helped build things\nwork:\n  - a: b\n c: d\n";
    let r = read(src);
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    let p = r.problems.first().cloned().unwrap_or_else(problem);
    assert_eq!(line_col(src, p.span.start()), (6, 2), "{p:?}");
    assert!(p.message.contains("line 6 column 2"), "{}", p.message);
    assert!(!p.message.contains("byte"), "{}", p.message);
    // What came before the error is in the model, at the right bytes.
    assert_maps(src, &r, "Helped");
    assert!(r.fields.iter().any(|f| f.path == "basics.name"));
}

#[test]
fn broken_json_position() {
    let src = "{\n  \"basics\": {\n    \"name\": \"Zoë\",\n    \"summary\": \"Helped a lot\"\n    \"email\": \"a@b.c\"\n  }\n}\n";
    let r = read_json(src);
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    let (line, _) = line_col(src, r.problems.first().map_or(0, |p| p.span.start()));
    assert!((4..=5).contains(&line), "{:?}", r.problems);
    assert!(r.fields.iter().any(|f| f.path == "basics.name"));
}

#[test]
fn alias_bomb_is_cheap() {
    let mut src = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let refs = vec![format!("*{prev}"); 9].join(",");
        src.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let started = std::time::Instant::now();
    let r = read(&src);
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(r.blocks.len() < 100);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let run = || {
        for src in [
            "[".repeat(10_000),
            "{\"a\":".repeat(10_000),
            format!("{}1{}", "[".repeat(190), "]".repeat(190)),
            format!("{}1{}", "[".repeat(230), "]".repeat(230)),
            (0..300)
                .map(|i| format!("{}- \n", "  ".repeat(i)))
                .collect::<String>(),
        ] {
            let r = read(&src);
            let _ = r.problems.len();
        }
    };
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(run);
    assert!(handle.is_ok_and(|h| h.join().is_ok()));
}

#[test]
fn json_resume() {
    let src = r#"{
  "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
  "basics": {
    "name": "Zoë Ávila",
    "email": "zoe@example.com",
    "phone": "+1 555 0100",
    "summary": "Engineer who ships. Helped \u00e9 teams",
    "location": {"city": "Lyon"}
  },
  "work": [
    {
      "name": "Acme",
      "position": "Senior Engineer",
      "startDate": "2020-01",
      "summary": "Payments platform.",
      "highlights": ["Cut latency by 40%", "Helped migrate 12 services"]
    },
    {"name": "Beta", "position": "Engineer", "highlights": ["Built the API"]}
  ],
  "education": [{"institution": "MIT", "area": "CS", "courses": ["Algorithms"]}],
  "skills": [{"name": "Rust", "keywords": ["async", "tokio"]}]
}"#;
    let r = read_json(src);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(r.declares_resume);
    assert!(r.has_section(SectionKind::Experience));
    assert!(r.has_section(SectionKind::Education));
    assert!(r.has_section(SectionKind::Skills));
    assert_eq!(r.roles.len(), 2, "{:?}", r.roles);
    assert_eq!(
        r.roles
            .first()
            .and_then(|r| r.header.as_ref())
            .map(Text::as_str),
        Some("Senior Engineer")
    );
    assert_eq!(
        r.roles
            .first()
            .and_then(|r| r.dates.as_ref())
            .map(Text::as_str),
        Some("2020-01")
    );
    let bullets: Vec<_> = r.bullets().map(|b| (b.text.as_str(), b.role)).collect();
    assert_eq!(
        bullets,
        vec![
            ("Cut latency by 40%", Some(0)),
            ("Helped migrate 12 services", Some(0)),
            ("Built the API", Some(1)),
        ]
    );
    assert_eq!(r.achievement_bullets().count(), 3);
    assert_maps(src, &r, "Helped migrate");
    let summary = block(&r, "Engineer who ships");
    assert_eq!(summary.kind, BlockKind::Summary);
    assert_eq!(block(&r, "Payments").kind, BlockKind::Paragraph);
    let email = block(&r, "zoe@");
    assert_eq!(email.kind, BlockKind::Field);
    assert_eq!(email.key.as_deref(), Some("email"));
    assert_eq!(email.text.span().slice(src), "zoe@example.com");
    assert!(r.fields.iter().any(|f| f.path == "basics.location.city"));
    assert!(
        r.fields
            .iter()
            .any(|f| f.path == "work.highlights" && f.value.is_none())
    );
    let phone = r.fields.iter().find(|f| f.path == "basics.phone");
    assert_eq!(
        phone
            .and_then(|f| f.value.as_ref())
            .map(|v| v.span().slice(src)),
        Some("\"+1 555 0100\"").map(|s| s.trim_matches('"'))
    );
    assert_eq!(block(&r, "tokio").kind, BlockKind::Field);
    let work = r
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Experience);
    assert!(work.is_some_and(|s| s.heading.is_none() && s.span.slice(src).starts_with('[')));
}

#[test]
fn rendercv_with_sub_bullets() {
    let src = "cv:\n  name: Zoë Müller\n  email: zoe@example.com\n  sections:\n    summary:\n      - Backend engineer with é 10 years.\n    Work Experience:\n      - company: Acme\n        position: Engineer\n        start_date: 2020-01\n        highlights:\n          - Helped build X\n            - sub one 😀\n            - sub Helped two\n          - Shipped Y\n    education:\n      - institution: MIT\n        area: CS\n        highlights:\n          - GPA 3.9\n    Open Source:\n      - bullet: Maintained a crate\ndesign:\n  theme: classic\n";
    let r = read(src);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(r.declares_resume);
    let headings: Vec<_> = r
        .sections
        .iter()
        .map(|s| (s.heading.as_ref().map(|h| h.span().slice(src)), s.kind))
        .collect();
    assert_eq!(
        headings,
        vec![
            (Some("summary"), SectionKind::Summary),
            (Some("Work Experience"), SectionKind::Experience),
            (Some("education"), SectionKind::Education),
            (Some("Open Source"), SectionKind::Projects),
        ]
    );
    assert_eq!(
        r.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .count(),
        4
    );
    assert_eq!(block(&r, "Backend").kind, BlockKind::Summary);
    assert_eq!(r.roles.len(), 1);
    let bullets: Vec<_> = r
        .bullets()
        .map(|b| (b.text.as_str(), b.depth, b.role, b.text.span().slice(src)))
        .collect();
    assert_eq!(
        bullets,
        vec![
            ("Helped build X", 0, Some(0), "Helped build X"),
            ("sub one 😀", 1, Some(0), "sub one 😀"),
            ("sub Helped two", 1, Some(0), "sub Helped two"),
            ("Shipped Y", 0, Some(0), "Shipped Y"),
            ("GPA 3.9", 0, None, "GPA 3.9"),
            ("Maintained a crate", 0, None, "Maintained a crate"),
        ]
    );
    assert_maps(src, &r, "sub Helped");
    assert!(r.fields.iter().any(|f| f.path == "cv.email"));
    assert!(
        r.fields
            .iter()
            .any(|f| f.path == "cv.sections.work experience.position")
    );
}

#[test]
fn fresh_resume() {
    let src = "name: Zoë Müller\nmeta:\n  format: FRESH@0.6.0\ninfo:\n  label: Engineer\n  brief: Builder of é things, Helped many.\ncontact:\n  email: zoe@example.com\nemployment:\n  summary: Ten years.\n  history:\n    - employer: Acme\n      position: Lead\n      start: 2019-03\n      highlights:\n        - Helped cut costs 20%\n        - Led 5 engineers\neducation:\n  history:\n    - institution: MIT\n      title: BSc\n";
    let r = read(src);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(r.declares_resume);
    assert_eq!(block(&r, "Builder").kind, BlockKind::Summary);
    assert_maps(src, &r, "Helped many");
    assert!(r.has_section(SectionKind::Experience));
    assert!(r.has_section(SectionKind::Education));
    assert_eq!(r.roles.len(), 1, "{:?}", r.roles);
    assert_eq!(
        r.roles
            .first()
            .and_then(|r| r.header.as_ref())
            .map(Text::as_str),
        Some("Lead")
    );
    assert_eq!(
        r.roles
            .first()
            .and_then(|r| r.dates.as_ref())
            .map(Text::as_str),
        Some("2019-03")
    );
    let bullets: Vec<_> = r.achievement_bullets().map(|b| b.text.as_str()).collect();
    assert_eq!(bullets, vec!["Helped cut costs 20%", "Led 5 engineers"]);
    assert_maps(src, &r, "Helped cut");
    assert!(r.fields.iter().any(|f| f.path == "contact.email"));
}

#[test]
fn nested_positions_and_other_shapes() {
    let src = "resume:\n  experience:\n    - organization: Acme\n      positions:\n        - position: Lead\n          startDate: 2021\n          highlights: [Ran the team of 6]\n  jobs_summary: x\n";
    let r = read(src);
    assert!(r.has_section(SectionKind::Experience));
    assert_eq!(r.roles.len(), 2);
    let b = block(&r, "Ran the team");
    assert_eq!((b.kind, b.role), (BlockKind::Bullet, Some(1)));
    assert!(!r.declares_resume);
}

#[test]
fn comments_are_collected_outside_scalars() {
    let src = "# hirelint-disable-file\nbasics: # top\n  name: \"Ada # not\"\n  note: a#b\n  text: |\n    # inside\n  # hirelint-disable-next-line weak-opener\n  summary: Helped\n";
    let r = read(src);
    let bodies: Vec<_> = r.comments.iter().map(|c| c.body.as_str()).collect();
    assert_eq!(
        bodies,
        vec![
            "hirelint-disable-file",
            "top",
            "hirelint-disable-next-line weak-opener"
        ]
    );
    assert_eq!(r.comments.get(1).map(|c| c.span.slice(src)), Some("# top"));
}

#[test]
fn junk_never_panics() {
    for src in [
        "",
        "\u{feff}basics:\n  name: Ada\n",
        "a:\tb\n\tc: d\n",
        "key: [\"unterminated\n",
        "- \"\\uD83D\\uDE00\"\n",
        "{\"a\": \"\\ud83d\\ude00 x\"}",
        "a: |\n\n  x\n  \n",
        "a: >2\n     x\n   y\n",
        "a: \"\\",
        "---\na: 1\n---\nb: [x, y\n",
        "? [complex]\n: value\n",
        "\u{0}\u{1}é:\n - ]",
        "a: 'é''\n''x'",
        "summary: \"x\\\n\n  y\"",
    ] {
        let r = read(src);
        for b in &r.blocks {
            let span = b.text.span();
            assert!(src.get(span.as_range()).is_some(), "{src:?}: {b:?}");
        }
        for p in &r.problems {
            assert!(src.get(p.span.as_range()).is_some(), "{src:?}: {p:?}");
        }
    }
}

fn assert_ranges_ok(src: &str, r: &Resume) {
    let ok = |range: TextRange| {
        range.end() <= src.len()
            && src.is_char_boundary(range.start())
            && src.is_char_boundary(range.end())
    };
    for b in &r.blocks {
        assert!(ok(b.text.span()), "{src:?}: {b:?}");
        let len = b.text.as_str().len();
        for (i, _) in b.text.as_str().char_indices() {
            assert!(ok(b.text.source_range(i..len)), "{src:?}: {b:?} at {i}");
        }
    }
    for f in &r.fields {
        assert!(ok(f.key.span()), "{src:?}: {f:?}");
    }
    for p in &r.problems {
        assert!(ok(p.span), "{src:?}: {p:?}");
    }
    for c in &r.comments {
        assert!(ok(c.span), "{src:?}: {c:?}");
    }
    for s in &r.sections {
        assert!(ok(s.span), "{src:?}: {s:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(src in "\\PC{0,80}") {
        assert_ranges_ok(&src, &read(&src));
    }

    #[test]
    fn yamlish_text_never_panics(
        src in "([a-zé😀 ]{0,6}|[-:#\"'|>\\[\\]{},&*!\\\\\t]|\r?\n {0,4}|\\\\u00e9){0,40}"
    ) {
        assert_ranges_ok(&src, &read(&src));
    }
}

#[test]
fn large_inputs_stay_linear() {
    let started = std::time::Instant::now();
    let mut big = String::from("work:\n");
    for i in 0..20_000 {
        big.push_str(&format!(
            "  - position: Engineer {i} é\n    highlights:\n      - \"Helped \\u00e9 {i}\"\n      - plain {i}\n        - sub {i}\n"
        ));
    }
    let r = read(&big);
    assert_eq!(r.roles.len(), 20_000);
    let dup = format!("{{{}\"a\": 1}}", "\"a\": 1, ".repeat(50_000));
    let r = read(&dup);
    assert_eq!(r.problems.len(), 50_000);
    let folded = format!("summary: a{}\n", "\n  - b".repeat(50_000));
    let _ = read(&folded);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn null_end_dates_go_on_and_single_dates_do_not() {
    let r = Resume::parse(
        r#"{"work":[{"name":"A","startDate":"2021-03-01","endDate":null},
                    {"name":"B","startDate":"2019-01-01","endDate":"2021-02-28"}]}"#,
        Format::Json,
        &Data::builtin(),
    );
    let ongoing: Vec<bool> = r.roles.iter().map(|r| r.period.is_ongoing()).collect();
    assert_eq!(ongoing, [true, false]);
    assert!(
        r.roles
            .iter()
            .all(|r| r.end.is_none() || r.end.as_ref().is_some_and(|e| e.as_str() != "null"))
    );
    let r = Resume::parse(
        "cv:\n  sections:\n    experience:\n      - company: A\n        position: Lead\n        date: 2020-09\n\
         \x20     - company: B\n        position: Engineer\n        start_date: 2018-01\n",
        Format::Yaml,
        &Data::builtin(),
    );
    let ongoing: Vec<bool> = r.roles.iter().map(|r| r.period.is_ongoing()).collect();
    assert_eq!(ongoing, [false, true]);
}

#[test]
fn fresh_affiliations_are_not_jobs() {
    let r = read(
        "employment:\n  history:\n    - employer: Acme\n      position: Engineer\n      start: 2019-01\n\
         affiliation:\n  history:\n    - organization: IEEE\n      role: Member\n      start: 2013-06\n",
    );
    let kinds: Vec<Option<SectionKind>> = r
        .roles
        .iter()
        .map(|role| r.role_section_kind(role))
        .collect();
    assert_eq!(kinds, [Some(SectionKind::Experience), None]);
}
