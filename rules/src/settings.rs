//! Resolved settings: plain values the engine reads. The server builds them from
//! `.hirelint.toml` and the command line; the engine never parses configuration.

use crate::data::{Data, Extensions};
use crate::diagnostic::Severity;
use crate::document::dates::YearMonth;
use crate::registry::{ALL_RULES, RuleId};
use std::sync::Arc;

/// Whether a rule runs, and at which severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleLevel {
    Off,
    On(Severity),
}

#[derive(Clone, Debug)]
pub struct Settings {
    /// Rule data, with the user's extensions merged.
    pub data: Arc<Data>,
    /// Per rule, indexed by `RuleId as usize`.
    levels: Vec<RuleLevel>,
    /// Hiring market whose norms `personal-data` applies (`us` by default).
    pub market: String,
    /// The current month, for the dates rules (`future-date`, the length of a role that
    /// goes on). The engine reads no clock: without it those checks stay quiet.
    pub today: Option<YearMonth>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            data: Data::builtin(),
            levels: ALL_RULES
                .iter()
                .map(|r| RuleLevel::On(r.meta().default_severity))
                .collect(),
            market: "us".to_owned(),
            today: None,
        }
    }
}

impl Settings {
    /// Settings with the built-in data extended by the user's additions.
    pub fn with_extensions(ext: &Extensions) -> Settings {
        let mut s = Settings::default();
        if !ext.is_empty() {
            s.data = Arc::new(s.data.extended(ext));
        }
        s
    }

    /// Settings with only the given rules enabled (at their default severity).
    pub fn only(rules: &[RuleId]) -> Settings {
        let mut s = Settings::default();
        for r in ALL_RULES {
            if !rules.contains(r) {
                s.set_level(*r, RuleLevel::Off);
            }
        }
        s
    }

    pub fn level(&self, rule: RuleId) -> RuleLevel {
        self.levels
            .get(rule as usize)
            .copied()
            .unwrap_or(RuleLevel::Off)
    }

    pub fn set_level(&mut self, rule: RuleId, level: RuleLevel) {
        if let Some(slot) = self.levels.get_mut(rule as usize) {
            *slot = level;
        }
    }

    pub fn is_enabled(&self, rule: RuleId) -> bool {
        self.level(rule) != RuleLevel::Off
    }
}
