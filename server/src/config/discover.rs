//! Finding the nearest `.hirelint.toml`, from a directory upward.

use super::CONFIG_FILE_NAME;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Caches, per directory, the configuration file that governs it.
#[derive(Debug, Default)]
pub struct Discovery {
    cache: HashMap<PathBuf, Option<PathBuf>>,
    cwd: Option<PathBuf>,
}

impl Discovery {
    /// The nearest `.hirelint.toml` in `dir` or one of its ancestors.
    /// Paths under the current directory are returned relative to it, for messages.
    pub fn find(&mut self, dir: &Path) -> Option<PathBuf> {
        if self.cwd.is_none() {
            self.cwd = std::env::current_dir().ok();
        }
        let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        let mut visited = Vec::new();
        let mut found = None;
        for ancestor in dir.ancestors() {
            if let Some(cached) = self.cache.get(ancestor) {
                found = cached.clone();
                break;
            }
            visited.push(ancestor.to_path_buf());
            let candidate = ancestor.join(CONFIG_FILE_NAME);
            if candidate.is_file() {
                let relative = self
                    .cwd
                    .as_deref()
                    .and_then(|cwd| candidate.strip_prefix(cwd).ok())
                    .map(Path::to_path_buf);
                found = Some(relative.unwrap_or(candidate));
                break;
            }
        }
        for v in visited {
            self.cache.insert(v, found.clone());
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_wins() {
        let Ok(tmp) = tempfile::tempdir() else { return };
        let root = tmp.path();
        let inner = root.join("a/b");
        assert!(std::fs::create_dir_all(&inner).is_ok());
        assert!(std::fs::write(root.join(CONFIG_FILE_NAME), "").is_ok());
        assert!(std::fs::write(root.join("a").join(CONFIG_FILE_NAME), "").is_ok());
        let mut d = Discovery::default();
        assert_eq!(d.find(&inner), Some(root.join("a").join(CONFIG_FILE_NAME)));
        assert_eq!(d.find(root), Some(root.join(CONFIG_FILE_NAME)));
        // From the cache.
        assert_eq!(d.find(&inner), Some(root.join("a").join(CONFIG_FILE_NAME)));
    }
}
