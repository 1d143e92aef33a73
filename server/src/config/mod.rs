//! `.hirelint.toml`: the serde model (`options`), finding it (`discover`), and turning it
//! into engine `Settings` (`resolve`).

pub mod discover;
pub mod options;
pub mod resolve;

pub use resolve::{ConfigError, Resolved};

/// The configuration file name, looked up from each linted file's directory upward.
pub const CONFIG_FILE_NAME: &str = ".hirelint.toml";
