#![allow(clippy::unwrap_used, clippy::panic)]
//! Generated files stay in sync with the registry. `UPDATE_GENERATED=1 cargo test` rewrites them.

#[test]
fn docs_rules_md_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/rules.md");
    let want = hirelint_rules::docs::rules_markdown();
    let have = std::fs::read_to_string(path).unwrap_or_default();
    if have != want {
        if std::env::var_os("UPDATE_GENERATED").is_some() {
            std::fs::write(path, &want).unwrap();
        } else {
            panic!("docs/rules.md is out of date: run `UPDATE_GENERATED=1 cargo test -p hirelint-rules --test generated`");
        }
    }
}
