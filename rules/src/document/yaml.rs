use super::{Format, Resume};
use crate::data::Data;

pub fn parse(_source: &str, format: Format, _data: &Data) -> Resume {
    Resume {
        format,
        ..Resume::default()
    }
}
