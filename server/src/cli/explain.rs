//! `hirelint explain RULE`: the rule's documentation.

use super::args::ExplainArgs;
use super::exit::ExitStatus;
use super::{write_stderr, write_stdout};
use hirelint_rules::RuleId;

pub fn run(args: &ExplainArgs) -> ExitStatus {
    let rule = match args.rule.trim().parse::<RuleId>() {
        Ok(rule) => rule,
        Err(unknown) => {
            let mut message = format!("error: {unknown}");
            if unknown.suggestion.is_none() {
                message.push_str("\n  help: `hirelint rules` lists every rule");
            }
            write_stderr(&message);
            return ExitStatus::Error;
        }
    };
    let meta = rule.meta();
    let text = format!(
        "# {}\n\nCategory: {} · Default severity: {} · Fix: {}\n\n{}\n",
        meta.id,
        meta.category,
        meta.default_severity,
        meta.fix.as_str(),
        meta.doc_text()
    );
    match write_stdout(text.as_bytes()) {
        Ok(()) => ExitStatus::Success,
        Err(e) => {
            write_stderr(&format!("error: cannot write: {e}"));
            ExitStatus::Error
        }
    }
}
