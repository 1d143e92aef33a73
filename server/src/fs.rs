//! The file system: reading sources with a size limit and a UTF-8 check, and walking
//! directories. Nothing here prints; errors are values that name what went wrong.

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Files larger than this are refused: no resume is 10 MB of text.
pub const MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Extensions linted in a directory walk.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "yaml", "yml", "json"];

/// Directories a walk never enters (besides hidden ones).
const SKIPPED_DIRS: &[&str] = &["node_modules", "target"];

/// Why a source could not be read. `Display` does not name the file: the caller does.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    TooLarge { size: u64, limit: u64 },
    Binary { offset: usize },
    NotUtf8 { offset: usize },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::TooLarge { size, limit } => write!(
                f,
                "file too large: {size} bytes, the limit is {limit} bytes ({} MB)",
                limit / (1024 * 1024)
            ),
            ReadError::Binary { offset } => {
                write!(
                    f,
                    "binary file (NUL byte at byte offset {offset}), not a resume"
                )
            }
            ReadError::NotUtf8 { offset } => {
                write!(f, "not valid UTF-8 (invalid byte at byte offset {offset})")
            }
        }
    }
}

/// Reads a file as UTF-8 text of at most [`MAX_FILE_SIZE`] bytes.
pub fn read_source(path: &Path) -> Result<String, ReadError> {
    read_source_limited(path, MAX_FILE_SIZE)
}

pub fn read_source_limited(path: &Path, limit: u64) -> Result<String, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    if let Ok(meta) = file.metadata()
        && meta.is_file()
        && meta.len() > limit
    {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    read_limited(file, limit)
}

/// Reads standard input as UTF-8 text of at most [`MAX_FILE_SIZE`] bytes.
pub fn read_stdin() -> Result<String, ReadError> {
    read_limited(io::stdin().lock(), MAX_FILE_SIZE)
}

fn read_limited(reader: impl Read, limit: u64) -> Result<String, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    decode(bytes)
}

/// UTF-8 text with no NUL byte.
pub fn decode(bytes: Vec<u8>) -> Result<String, ReadError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary { offset });
    }
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Whether a path has one of the [`EXTENSIONS`].
pub fn has_lintable_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Every file under `dir` with a lintable extension, sorted, skipping hidden entries,
/// `node_modules` and `target`. Symbolic links to directories are not followed. Directories
/// that cannot be read are returned with their error; the walk goes on.
pub fn walk(dir: &Path) -> (Vec<PathBuf>, Vec<(PathBuf, io::Error)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let entries = match std::fs::read_dir(&current) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push((current, e));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    errors.push((current.clone(), e));
                    continue;
                }
            };
            let name = entry.file_name();
            if is_hidden(&name) {
                continue;
            }
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                if !name.to_str().is_some_and(|n| SKIPPED_DIRS.contains(&n)) {
                    stack.push(path);
                }
            } else if has_lintable_extension(&path)
                && (kind.is_file() || (kind.is_symlink() && path.is_file()))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    errors.sort_by(|a, b| a.0.cmp(&b.0));
    (files, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_reports_offsets() {
        assert!(matches!(
            decode(b"ab\xffcd".to_vec()),
            Err(ReadError::NotUtf8 { offset: 2 })
        ));
        assert!(matches!(
            decode(b"a\0b".to_vec()),
            Err(ReadError::Binary { offset: 1 })
        ));
        assert_eq!(decode("é".as_bytes().to_vec()).ok().as_deref(), Some("é"));
    }

    #[test]
    fn extensions() {
        assert!(has_lintable_extension(Path::new("a/resume.MD")));
        assert!(has_lintable_extension(Path::new("cv.yml")));
        assert!(!has_lintable_extension(Path::new("cv.txt")));
        assert!(!has_lintable_extension(Path::new("json")));
    }
}
