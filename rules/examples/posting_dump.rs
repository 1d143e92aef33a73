//! Prints the keywords of a posting: `cargo run -p hirelint-rules --example posting_dump FILE`.
#![allow(clippy::print_stdout, clippy::unwrap_used)]
use hirelint_rules::{Posting, PostingFormat};
fn main() {
    for path in std::env::args().skip(1) {
        let src = std::fs::read_to_string(&path).unwrap();
        let p = Posting::parse(&src, PostingFormat::detect(Some(&path), &src));
        println!("== {path}: {} keywords", p.keywords.len());
        for k in &p.keywords {
            let at: Vec<&str> = k.posting.iter().map(|r| r.slice(&src)).collect();
            println!(
                "  {:<5} {:<32} {:<14} years={:?} group={:?} {:?}",
                k.importance.as_str(),
                k.name,
                k.category.map_or("-", |c| c.as_str()),
                k.years,
                k.group,
                at
            );
        }
    }
}
