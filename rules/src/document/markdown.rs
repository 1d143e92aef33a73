use super::{Format, Resume};
use crate::data::Data;

pub fn parse(_source: &str, _data: &Data) -> Resume {
    Resume {
        format: Format::Markdown,
        ..Resume::default()
    }
}
