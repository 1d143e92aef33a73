//! Exit codes, in one place.

use std::process::ExitCode;

/// How a run ended. Ordered by gravity: the worst outcome of a run wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// 0: nothing at or above the failing severity.
    Success,
    /// 1: a diagnostic at or above the failing severity was reported.
    Failure,
    /// 2: a usage, configuration or I/O error (the other files were still linted).
    Error,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
        }
    }

    /// The graver of two outcomes.
    #[must_use]
    pub fn worst(self, other: ExitStatus) -> ExitStatus {
        self.max(other)
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        ExitCode::from(status.code())
    }
}
