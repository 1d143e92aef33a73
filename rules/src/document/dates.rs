//! Dates of roles: finding them in a role line ("Jan 2020 – Present", "2019 - 2021"),
//! reading them into values, and the period a role covers.
//!
//! A small scanner rather than a regex: the forms are few, the scanner tells which form a
//! date is written in (what `inconsistent-date-format` compares), and it costs nothing to
//! build on start.

use super::{Role, Text};
use crate::span::TextRange;
use std::cmp::Ordering;
use std::ops::Range;

/// A month of a year; a year alone is read as its first or last month by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: u16,
    /// 1–12.
    pub month: u8,
}

impl YearMonth {
    pub fn new(year: u16, month: u8) -> YearMonth {
        YearMonth {
            year,
            month: month.clamp(1, 12),
        }
    }

    /// Months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i32 {
        (i32::from(later.year) - i32::from(self.year)) * 12 + i32::from(later.month)
            - i32::from(self.month)
    }
}

/// How a date is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// "Jan 2020", "Sept 2020"
    MonthShort,
    /// "Jan. 2020"
    MonthShortDot,
    /// "January 2020"
    MonthLong,
    /// "May 2020", "June 2020": short names spell these out.
    MonthEither,
    /// "2020-01", "2020/01", "2020-01-15"
    YearFirst,
    /// "01/2020", "1.2020", "01/15/2020"
    MonthFirst,
    /// "Summer 2020"
    Season,
    /// "2020"
    Year,
    /// "Jan '20", "'20"
    ShortYear,
}

impl Style {
    /// Whether the style names a month (the styles `inconsistent-date-format` compares).
    pub fn has_month(self) -> bool {
        matches!(
            self,
            Style::MonthShort
                | Style::MonthShortDot
                | Style::MonthLong
                | Style::MonthEither
                | Style::YearFirst
                | Style::MonthFirst
        )
    }

    /// Writes `year`-`month` in this style, when the style names a month.
    pub fn write(self, year: u16, month: u8) -> Option<String> {
        let i = usize::from(month.checked_sub(1)?);
        let long = *MONTHS.get(i)?;
        let short = long.get(..3)?;
        Some(match self {
            Style::MonthShort => format!("{short} {year}"),
            Style::MonthShortDot if long.len() > 3 => format!("{short}. {year}"),
            Style::MonthShortDot => format!("{short} {year}"),
            Style::MonthLong => format!("{long} {year}"),
            Style::YearFirst => format!("{year}-{month:02}"),
            Style::MonthFirst => format!("{month:02}/{year}"),
            _ => return None,
        })
    }

    pub fn describe(self) -> &'static str {
        match self {
            Style::MonthShort => "\"Jan 2020\"",
            Style::MonthShortDot => "\"Jan. 2020\"",
            Style::MonthLong => "\"January 2020\"",
            Style::MonthEither => "\"May 2020\"",
            Style::YearFirst => "\"2020-01\"",
            Style::MonthFirst => "\"01/2020\"",
            Style::Season => "\"Summer 2020\"",
            Style::Year => "\"2020\"",
            Style::ShortYear => "\"Jan '20\"",
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as written in the text that was scanned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub style: Style,
    /// Where the date is written, in the scanned text.
    pub range: Range<usize>,
}

impl Date {
    /// The earliest month the date can mean ("2020" is January 2020 at the earliest).
    pub fn earliest(&self) -> YearMonth {
        YearMonth::new(self.year, self.month.unwrap_or(1))
    }

    /// The latest month the date can mean ("2020" is December 2020 at the latest).
    pub fn latest(&self) -> YearMonth {
        YearMonth::new(self.year, self.month.unwrap_or(12))
    }

    /// Orders two dates when the order is certain ("2020" and "Mar 2020" are not ordered).
    pub fn certainly_cmp(&self, other: &Date) -> Option<Ordering> {
        if self.latest() < other.earliest() {
            Some(Ordering::Less)
        } else if self.earliest() > other.latest() {
            Some(Ordering::Greater)
        } else if self.month.is_some() && other.month.is_some() {
            Some(self.earliest().cmp(&other.earliest()))
        } else {
            None
        }
    }
}

/// One thing the scanner found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    Date(Date),
    /// "Present", "current", "now", "today", "ongoing".
    Present(Range<usize>),
    /// A month with no year ("Jan" in "Jan – Mar 2020").
    Month(u8, Range<usize>),
    /// "–", "-", "to", "until", "至": between the two ends of a range.
    Dash(Range<usize>),
}

impl Token {
    pub fn range(&self) -> &Range<usize> {
        match self {
            Token::Date(d) => &d.range,
            Token::Present(r) | Token::Month(_, r) | Token::Dash(r) => r,
        }
    }
}

/// Scans `text` for dates, words meaning "present" and range dashes.
pub fn scan(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        // Only letters, digits and apostrophes care whether a word ends before them.
        let at_boundary = (c.is_ascii_alphanumeric() || c == b'\'') && boundary_before(text, i);
        if c.is_ascii_alphabetic() && at_boundary {
            let end = word_end(bytes, i);
            let word = sub(text, i, end);
            if let Some((token, next)) = word_token(text, i, end, word, &out) {
                out.push(token);
                i = next;
                continue;
            }
            i = end;
        } else if c.is_ascii_digit() && at_boundary && !prev_is_number_sign(bytes, i) {
            if let Some((date, next)) = numeric(text, i) {
                out.push(Token::Date(date));
                i = next;
            } else {
                i = digits_end(bytes, i);
            }
        } else if c == b'\'' && at_boundary {
            // "'20" after a range dash: a short year.
            match two_digits(bytes, i + 1) {
                Some(y) if !bytes.get(i + 3).is_some_and(|b| is_word_byte(*b)) => {
                    out.push(Token::Date(Date {
                        year: expand_short_year(y, &out),
                        month: None,
                        day: None,
                        style: Style::ShortYear,
                        range: i..i + 3,
                    }));
                    i += 3;
                }
                _ => i += 1,
            }
        } else if c == b'-' || c == b'/' && after_date(&out) {
            out.push(Token::Dash(i..i + 1));
            i += 1;
        } else if rest(text, i).starts_with(['–', '—']) {
            out.push(Token::Dash(i..i + 3));
            i += 3;
        } else if rest(text, i).starts_with("至今") {
            // Chinese "2012年至今": since 2012, to now.
            out.push(Token::Present(i..i + 6));
            i += 6;
        } else if rest(text, i).starts_with('至') && after_date(&out) {
            out.push(Token::Dash(i..i + 3));
            i += 3;
        } else {
            i += rest(text, i).chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// `text[from..to]`, or "" off a char boundary.
fn sub(text: &str, from: usize, to: usize) -> &str {
    text.get(from..to).unwrap_or("")
}

/// `text[from..]`, or "" off a char boundary.
fn rest(text: &str, from: usize) -> &str {
    text.get(from..).unwrap_or("")
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// No letter or digit right before `i` ("Résumé2020" is not a date). CJK text has no
/// spaces between words: "至2012年" holds a date.
fn boundary_before(text: &str, i: usize) -> bool {
    text.get(..i)
        .unwrap_or("")
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_alphanumeric() || c == '_') || c >= '\u{2e80}')
}

fn word_end(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

fn digits_end(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

/// "$2020", "#2020", "v2020": a number, not a date.
fn prev_is_number_sign(bytes: &[u8], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|j| bytes.get(j))
        .is_some_and(|b| matches!(b, b'$' | b'#' | b'+' | b'.' | b',' | b'%'))
}

fn after_date(out: &[Token]) -> bool {
    matches!(out.last(), Some(Token::Date(_) | Token::Month(..)))
}

fn two_digits(bytes: &[u8], i: usize) -> Option<u16> {
    let a = *bytes.get(i)?;
    let b = *bytes.get(i + 1)?;
    (a.is_ascii_digit() && b.is_ascii_digit())
        .then(|| u16::from(a - b'0') * 10 + u16::from(b - b'0'))
}

/// A two-digit year: in a range, in the century of the start; alone, 19xx after 50.
fn expand_short_year(y: u16, before: &[Token]) -> u16 {
    let start = before.iter().rev().find_map(|t| match t {
        Token::Date(d) => Some(d.year),
        _ => None,
    });
    match start {
        Some(s) if matches!(before.last(), Some(Token::Dash(_))) => {
            let candidate = s / 100 * 100 + y;
            if candidate < s {
                candidate + 100
            } else {
                candidate
            }
        }
        _ if y > 50 => 1900 + y,
        _ => 2000 + y,
    }
}

fn plausible_year(y: u32) -> bool {
    (1900..=2099).contains(&y)
}

/// A four-digit year at `i` (not followed by another digit).
fn year_at(bytes: &[u8], i: usize) -> Option<u16> {
    let end = digits_end(bytes, i);
    if end - i != 4 {
        return None;
    }
    let y: u16 = std::str::from_utf8(bytes.get(i..end)?).ok()?.parse().ok()?;
    plausible_year(u32::from(y)).then_some(y)
}

/// A date that starts with a digit: "2020", "2020-01", "2020-01-15", "01/2020",
/// "01/15/2020", "2019–21" is left to the dash.
fn numeric(text: &str, i: usize) -> Option<(Date, usize)> {
    let bytes = text.as_bytes();
    let first_end = digits_end(bytes, i);
    let first = text.get(i..first_end)?;
    let sep = bytes.get(first_end).copied();
    let is_sep = |b: Option<u8>| matches!(b, Some(b'-' | b'/' | b'.'));
    let word_after = |j: usize| bytes.get(j).is_some_and(|b| b.is_ascii_alphanumeric());
    if first.len() == 4 {
        let year = year_at(bytes, i)?;
        // "2020-01", "2020-01-15", "2020/01"; not "2019-2021" nor "2019-21".
        if is_sep(sep) {
            let m_start = first_end + 1;
            let m_end = digits_end(bytes, m_start);
            if (1..=2).contains(&(m_end - m_start)) {
                let month: u8 = text.get(m_start..m_end)?.parse().ok()?;
                if (1..=12).contains(&month) {
                    let mut end = m_end;
                    let mut day = None;
                    if bytes.get(m_end).copied() == sep {
                        let d_end = digits_end(bytes, m_end + 1);
                        if (1..=2).contains(&(d_end - m_end - 1)) {
                            day = sub(text, m_end + 1, d_end)
                                .parse()
                                .ok()
                                .filter(|d| (1..=31).contains(d));
                            if day.is_some() {
                                end = d_end;
                            }
                        }
                    }
                    if !word_after(end) {
                        return Some((
                            Date {
                                year,
                                month: Some(month),
                                day,
                                style: Style::YearFirst,
                                range: i..end,
                            },
                            end,
                        ));
                    }
                }
            }
        }
        if word_after(first_end)
            || bytes.get(first_end) == Some(&b',')
                && bytes.get(first_end + 1).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        return Some((
            Date {
                year,
                month: None,
                day: None,
                style: Style::Year,
                range: i..first_end,
            },
            first_end,
        ));
    }
    // "01/2020", "1.2020", "01/15/2020", "15/01/2020"
    // A dotted month has two digits ("01.2020"): "2.2020" is a version number.
    if (first.len() == 2 || first.len() == 1 && sep == Some(b'/'))
        && matches!(sep, Some(b'/' | b'.'))
    {
        let a: u8 = first.parse().ok()?;
        let second_start = first_end + 1;
        let second_end = digits_end(bytes, second_start);
        let second = text.get(second_start..second_end)?;
        if second.len() == 4 {
            let year = year_at(bytes, second_start)?;
            if (1..=12).contains(&a) && !word_after(second_end) {
                return Some((
                    Date {
                        year,
                        month: Some(a),
                        day: None,
                        style: Style::MonthFirst,
                        range: i..second_end,
                    },
                    second_end,
                ));
            }
        } else if (1..=2).contains(&second.len()) && bytes.get(second_end).copied() == sep {
            let b: u8 = second.parse().ok()?;
            let year_start = second_end + 1;
            let year = year_at(bytes, year_start)?;
            let end = year_start + 4;
            let (month, day) = if (1..=12).contains(&a) {
                (a, b)
            } else {
                (b, a)
            };
            if (1..=12).contains(&month) && (1..=31).contains(&day) && !word_after(end) {
                return Some((
                    Date {
                        year,
                        month: Some(month),
                        day: Some(day),
                        style: Style::MonthFirst,
                        range: i..end,
                    },
                    end,
                ));
            }
        }
    }
    None
}

fn month_number(word: &str) -> Option<(u8, bool)> {
    let prefix = word.get(..3)?;
    let (i, long) = MONTHS
        .iter()
        .enumerate()
        .find(|(_, m)| m.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(prefix)))?;
    let short_ok = word.len() == 3 || word.eq_ignore_ascii_case("sept");
    let long_ok = long.eq_ignore_ascii_case(word);
    let number = u8::try_from(i + 1).ok()?;
    (short_ok || long_ok).then_some((number, long_ok && !short_ok))
}

fn word_token(
    text: &str,
    start: usize,
    end: usize,
    word: &str,
    before: &[Token],
) -> Option<(Token, usize)> {
    let bytes = text.as_bytes();
    // No word this function knows is longer than "september"; the lowercase copy of the
    // others lives on the stack (`word` is ASCII letters).
    let mut buf = [0u8; 9];
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).ok()?;
    match lower {
        "present" | "current" | "now" | "today" | "ongoing" | "currently" => {
            return Some((Token::Present(start..end), end));
        }
        "to" | "until" | "till" if after_date(before) => {
            return Some((Token::Dash(start..end), end));
        }
        _ => {}
    }
    let season = matches!(lower, "spring" | "summer" | "fall" | "autumn" | "winter");
    let month = month_number(word);
    if month.is_none() && !season {
        return None;
    }
    // Optional "." and ",", then spaces, then a year or "'20".
    let mut j = end;
    let dotted = bytes.get(j) == Some(&b'.');
    if dotted {
        j += 1;
    }
    if bytes.get(j) == Some(&b',') {
        j += 1;
    }
    let spaced = j;
    loop {
        if bytes.get(j).is_some_and(|b| *b == b' ' || *b == b'\t') {
            j += 1;
        } else if rest(text, j).starts_with('\u{a0}') {
            j += 2;
        } else {
            break;
        }
    }
    let (year, year_end, short_year) = if j > spaced || dotted {
        if let Some(y) =
            year_at(bytes, j).filter(|_| !bytes.get(j + 4).is_some_and(|b| is_word_byte(*b)))
        {
            (Some(y), j + 4, false)
        } else if bytes.get(j) == Some(&b'\'') {
            match two_digits(bytes, j + 1) {
                Some(y) if !bytes.get(j + 3).is_some_and(|b| is_word_byte(*b)) => {
                    (Some(expand_short_year(y, before)), j + 3, true)
                }
                _ => (None, end, false),
            }
        } else {
            (None, end, false)
        }
    } else {
        (None, end, false)
    };
    let Some(year) = year else {
        // A month name alone: only "Jan" right before a range dash counts ("Jan – Mar
        // 2020"); "May" and "march" are words otherwise.
        // The end of such a range counts too ("Mar" in "Jan – Mar").
        let (m, long) = month?;
        let next = rest(text, end).trim_start_matches(['.', ' ']);
        let dash_next = next.starts_with(['-', '–', '—']) || next.starts_with("to ");
        let after_month_dash = matches!(before, [.., Token::Month(..), Token::Dash(_)]);
        return ((dash_next || after_month_dash)
            && (long || word.len() == 3 || lower == "sept")
            && word.chars().next().is_some_and(char::is_uppercase))
        .then_some((Token::Month(m, start..end), end));
    };
    let (month, style) = match month {
        Some((m, long)) => {
            let style = if short_year {
                Style::ShortYear
            } else if word.len() <= 5 && (long || word.eq_ignore_ascii_case("may")) {
                // "March", "April", "May", "June", "July": spelled out in both styles.
                Style::MonthEither
            } else if long {
                Style::MonthLong
            } else if dotted {
                Style::MonthShortDot
            } else {
                Style::MonthShort
            };
            (Some(m), style)
        }
        None => (None, Style::Season),
    };
    let season_month = match lower {
        "winter" => 1,
        "spring" => 4,
        "summer" => 7,
        _ => 10,
    };
    let month = month.or(season.then_some(season_month));
    Some((
        Token::Date(Date {
            year,
            month,
            day: None,
            style,
            range: start..year_end,
        }),
        year_end,
    ))
}

/// A month, or a range of months, written with no year anywhere in `text` ("Jan – Mar",
/// "May – Present"). With `whole` (the text is a date field), a lone month or season
/// counts too ("March", "Fall").
pub fn month_without_year(text: &str, whole: bool) -> Option<Range<usize>> {
    let tokens = scan(text);
    if tokens.iter().any(|t| matches!(t, Token::Date(_))) {
        return None;
    }
    if let Some(first) = tokens.iter().position(|t| matches!(t, Token::Month(..))) {
        let start = tokens.get(first)?.range().start;
        let mut end = tokens.get(first)?.range().end;
        for t in tokens.iter().skip(first + 1) {
            match t {
                Token::Dash(_) => {}
                Token::Month(_, r) | Token::Present(r) => end = r.end,
                Token::Date(_) => break,
            }
        }
        return Some(start..end);
    }
    if !whole {
        return None;
    }
    let trimmed = text.trim().trim_end_matches('.');
    let start = text.len() - text.trim_start().len();
    let lower = trimmed.to_ascii_lowercase();
    let season = matches!(
        lower.as_str(),
        "spring" | "summer" | "fall" | "autumn" | "winter"
    );
    (season || month_number(trimmed).is_some()).then(|| start..start + trimmed.len())
}

/// A range with no start: "??? – Present", "(– Present)", "TBD - 2021", where no date comes
/// before the dash. The range runs from what stands in for the start to the end.
pub fn missing_start(text: &str) -> Option<Range<usize>> {
    let tokens = scan(text);
    let [.., Token::Dash(dash), last] = tokens.as_slice() else {
        return None;
    };
    if tokens
        .iter()
        .any(|t| matches!(t, Token::Month(..)) || matches!(t, Token::Date(_)) && t != last)
    {
        return None;
    }
    let end = match last {
        Token::Present(r) => {
            let word = text.get(r.clone()).unwrap_or("").to_ascii_lowercase();
            if !matches!(
                word.as_str(),
                "present" | "current" | "now" | "today" | "ongoing"
            ) {
                return None;
            }
            r.end
        }
        Token::Date(d) => d.range.end,
        _ => return None,
    };
    // Nothing but closing punctuation after the end.
    if !text
        .get(end..)
        .unwrap_or("")
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, ')' | ']' | '.' | '*' | '_'))
    {
        return None;
    }
    // What stands before the dash: back to a space, "(" or "|"; it holds no letter but
    // a placeholder's.
    let before = text.get(..dash.start).unwrap_or("").trim_end();
    let chunk_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '|' | ','))
        .map_or(0, |i| i + 1);
    let chunk = before.get(chunk_start..).unwrap_or("");
    let placeholder = chunk.is_empty()
        || !chunk.chars().any(char::is_alphanumeric)
        || matches!(
            chunk.to_ascii_lowercase().as_str(),
            "tbd" | "n/a" | "xx" | "xxxx"
        );
    if !placeholder {
        return None;
    }
    let start = if chunk.is_empty() {
        dash.start
    } else {
        chunk_start
    };
    Some(start..end)
}

/// Where the dates of a role line are: the byte range of its date range ("Jan 2020 –
/// Present"), or of its last date when it has no range. Dates count as one range when
/// only spaces, punctuation and dashes separate them.
pub fn date_span(text: &str) -> Option<Range<usize>> {
    let tokens = scan(text);
    // (range, has a year, is a range)
    let mut clusters: Vec<(Range<usize>, bool, bool)> = Vec::new();
    let mut dash: Option<Range<usize>> = None;
    let blank = |from: usize, to: usize| {
        text.get(from..to).is_some_and(|gap| {
            gap.chars()
                .all(|c| c.is_whitespace() || matches!(c, ',' | '.' | '年'))
        })
    };
    for t in &tokens {
        let r = t.range().clone();
        if let Token::Dash(d) = t {
            dash = Some(d.clone());
            continue;
        }
        let joined = clusters.last().is_some_and(|(c, _, _)| match &dash {
            Some(d) if d.start >= c.end => blank(c.end, d.start) && blank(d.end, r.start),
            _ => blank(c.end, r.start),
        });
        let is_year = matches!(t, Token::Date(_));
        match clusters.last_mut() {
            Some(c) if joined => {
                c.0.end = r.end;
                c.1 |= is_year;
                c.2 |= dash.is_some() || matches!(t, Token::Present(_));
            }
            _ => clusters.push((r, is_year, false)),
        }
        dash = None;
    }
    // A lone year between two words is part of a name ("Census 2030 Planning Tool",
    // "Windows 2000 migration"), not the role's date.
    let in_name = |r: &Range<usize>| {
        let before = text.get(..r.start).unwrap_or("");
        let after = text.get(r.end..).unwrap_or("");
        let lone_year = text.get(r.clone()).is_some_and(|d| d.len() == 4);
        lone_year
            && before.ends_with(' ')
            && before
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && after.starts_with(' ')
            && after
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
    };
    let with_year = || clusters.iter().filter(|c| c.1 && (c.2 || !in_name(&c.0)));
    let found = with_year()
        .rfind(|c| c.2)
        .or_else(|| with_year().next_back())
        .map(|c| c.0.clone())?;
    // "Since 2021", "from May 2019": the word says the role goes on, so it belongs to the
    // dates.
    let before = text.get(..found.start).unwrap_or("");
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let with_word = (word.eq_ignore_ascii_case("since") || word.eq_ignore_ascii_case("from"))
        && before.len() - before.trim_end().len() <= 1;
    if with_word {
        Some(before.trim_end().len() - word.len()..found.end)
    } else {
        Some(found)
    }
}

/// A date of a role, placed in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleDate {
    pub date: Date,
    /// Where the date is written in the source.
    pub span: TextRange,
    /// The source holds exactly the logical text (a fix may rewrite it).
    pub verbatim: bool,
}

/// The end of a role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum End {
    Date(RoleDate),
    /// "Present" and the like, where written.
    Present(TextRange),
    /// A structured entry with a start date and no end date, or a start that says it goes
    /// on ("Since 2021").
    Open,
}

/// "Since 2021", "From May 2019": a start that goes on.
fn says_since(text: &Text) -> bool {
    let s = text.as_str();
    let first_date = scan(s)
        .iter()
        .find_map(|t| match t {
            Token::Date(d) => Some(d.range.start),
            _ => None,
        })
        .unwrap_or(0);
    let before = s.get(..first_date).unwrap_or("").trim_end();
    let last_word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    last_word.eq_ignore_ascii_case("since") || last_word.eq_ignore_ascii_case("from")
}

/// The dates of a role, read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Period {
    pub start: Option<RoleDate>,
    pub end: Option<End>,
    /// Words meaning "present" as written ("Present", "present"), for their casing.
    pub present_words: Vec<TextRange>,
}

impl Period {
    /// Reads the dates of `role`.
    pub fn of(role: &Role) -> Period {
        let mut period = Period::default();
        if let Some(text) = &role.dates {
            period.read(text, true);
        }
        if let Some(text) = &role.end {
            period.read(text, false);
        } else if (role.open_ended || role.dates.as_ref().is_some_and(says_since))
            && period.end.is_none()
            && period.start.is_some()
        {
            period.end = Some(End::Open);
        }
        period
    }

    fn read(&mut self, text: &Text, may_start: bool) {
        let place = |date: Date| RoleDate {
            span: text.source_range(date.range.clone()),
            verbatim: text.is_verbatim(date.range.clone()),
            date,
        };
        let tokens = scan(text.as_str());
        let mut pending_month: Option<(u8, Range<usize>)> = None;
        for token in tokens {
            match token {
                Token::Date(date) => {
                    if let Some((m, range)) = pending_month.take()
                        && self.start.is_none()
                        && may_start
                    {
                        // "Jan – Mar 2020": January of the end's year (or the year before).
                        let year = if m > date.month.unwrap_or(12) {
                            date.year - 1
                        } else {
                            date.year
                        };
                        let start = Date {
                            year,
                            month: Some(m),
                            day: None,
                            style: Style::MonthShort,
                            range,
                        };
                        self.start = Some(place(start));
                    }
                    if self.start.is_none() && may_start {
                        self.start = Some(place(date));
                    } else if !matches!(self.end, Some(End::Present(_))) {
                        self.end = Some(End::Date(place(date)));
                    }
                }
                Token::Present(range) => {
                    let span = text.source_range(range);
                    self.present_words.push(span);
                    if self.start.is_some() || !may_start {
                        self.end = Some(End::Present(span));
                    }
                }
                Token::Month(m, range) => pending_month = Some((m, range)),
                Token::Dash(_) => {}
            }
        }
    }

    /// The end date when the role has ended and its end is written.
    pub fn end_date(&self) -> Option<&RoleDate> {
        match &self.end {
            Some(End::Date(d)) => Some(d),
            _ => None,
        }
    }

    /// The role goes on ("Present", or a structured entry with no end).
    pub fn is_ongoing(&self) -> bool {
        matches!(self.end, Some(End::Present(_) | End::Open))
    }

    /// Every date written, start first.
    pub fn dates(&self) -> impl Iterator<Item = &RoleDate> {
        self.start.iter().chain(self.end_date())
    }

    /// The most recent month the role can reach, for ordering (ongoing roles first).
    pub fn recency(&self) -> Option<YearMonth> {
        match &self.end {
            Some(End::Date(d)) => Some(d.date.latest()),
            Some(End::Present(_) | End::Open) => Some(YearMonth::new(9999, 12)),
            None => self.start.as_ref().map(|s| s.date.latest()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<(u16, Option<u8>, Style, &str)> {
        scan(text)
            .into_iter()
            .filter_map(|t| match t {
                Token::Date(d) => Some((d.year, d.month, d.style, &text[d.range])),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn finds_ranges() {
        let t = "Engineer, Acme — Jan 2020 – Present";
        assert_eq!(date_span(t).map(|r| &t[r]), Some("Jan 2020 – Present"));
        let t = "2019 - 2021";
        assert_eq!(date_span(t).map(|r| &t[r]), Some("2019 - 2021"));
        let t = "Analyst (Jan – Mar 2020)";
        assert_eq!(date_span(t).map(|r| &t[r]), Some("Jan – Mar 2020"));
        assert_eq!(date_span("Built things for the present"), None);
        assert_eq!(date_span("Served 2,000 users"), None);
        assert_eq!(date_span("Raised $2020 in March"), None);
        assert_eq!(date_span("May the best team win"), None);
        assert_eq!(date_span("Census 2030 Planning Tool"), None);
        let t = "Acme Corp, Since 2021";
        assert_eq!(date_span(t).map(|r| &t[r]), Some("Since 2021"));
        let t = "Windows 2000 migration, Acme (2019)";
        assert_eq!(date_span(t).map(|r| &t[r]), Some("2019"));
        let t = "Hackathon winner 2019";
        assert_eq!(date_span(t).map(|r| &t[r]), Some("2019"));
        let t = "Talk: DevConf 2013 (2012-06 — Present)";
        assert_eq!(date_span(t).map(|r| &t[r]), Some("2012-06 — Present"));
        let t = "Android工程师 2010年至2012年";
        assert_eq!(date_span(t).map(|r| &t[r]), Some("2010年至2012"));
    }

    #[test]
    fn reads_each_style() {
        use Style::*;
        assert_eq!(dates("Jan 2020"), [(2020, Some(1), MonthShort, "Jan 2020")]);
        assert_eq!(
            dates("Sept. 2020"),
            [(2020, Some(9), MonthShortDot, "Sept. 2020")]
        );
        assert_eq!(
            dates("January, 2020"),
            [(2020, Some(1), MonthLong, "January, 2020")]
        );
        assert_eq!(
            dates("May 2020"),
            [(2020, Some(5), MonthEither, "May 2020")]
        );
        assert_eq!(dates("2020-01"), [(2020, Some(1), YearFirst, "2020-01")]);
        assert_eq!(
            dates("2020-01-15"),
            [(2020, Some(1), YearFirst, "2020-01-15")]
        );
        assert_eq!(dates("01/2020"), [(2020, Some(1), MonthFirst, "01/2020")]);
        assert_eq!(
            dates("12/31/2020"),
            [(2020, Some(12), MonthFirst, "12/31/2020")]
        );
        assert_eq!(
            dates("Summer 2021"),
            [(2021, Some(7), Season, "Summer 2021")]
        );
        assert_eq!(dates("Jan '19"), [(2019, Some(1), ShortYear, "Jan '19")]);
        assert_eq!(
            dates("2019-2021"),
            [(2019, None, Year, "2019"), (2021, None, Year, "2021")]
        );
        assert_eq!(
            dates("2019–21"),
            [(2019, None, Year, "2019")],
            "a two-digit end without an apostrophe is not read"
        );
        assert_eq!(dates("version 2.2020 of 1999x"), []);
    }

    fn period(text: &str) -> Period {
        let role = Role {
            section: None,
            header: None,
            dates: Some(Text::verbatim(text, TextRange::new(0, text.len()))),
            end: None,
            open_ended: false,
            span: TextRange::new(0, text.len()),
            period: Period::default(),
        };
        Period::of(&role)
    }

    #[test]
    fn reads_periods() {
        let p = period("Jan 2020 – Present");
        assert_eq!(
            p.start.as_ref().map(|d| d.date.earliest()),
            Some(YearMonth::new(2020, 1))
        );
        assert!(p.is_ongoing());
        let p = period("Jan – Mar 2020");
        assert_eq!(
            p.start.as_ref().map(|d| d.date.earliest()),
            Some(YearMonth::new(2020, 1))
        );
        assert_eq!(
            p.end_date().map(|d| d.date.earliest()),
            Some(YearMonth::new(2020, 3))
        );
        let p = period("Nov – Feb 2021");
        assert_eq!(p.start.as_ref().map(|d| d.date.year), Some(2020));
        let p = period("2017");
        assert!(p.end.is_none());
        assert_eq!(
            p.start.as_ref().map(|d| d.date.earliest()),
            Some(YearMonth::new(2017, 1))
        );
        let p = period("Since 2019");
        assert_eq!(p.start.as_ref().map(|d| d.date.year), Some(2019));
        assert!(p.is_ongoing(), "a start that goes on");
        assert!(!period("Graduated 2019").is_ongoing());
    }

    #[test]
    fn finds_months_without_a_year() {
        let at = |t: &'static str, whole| month_without_year(t, whole).map(|r| &t[r]);
        assert_eq!(at("Engineer (Jan – Mar)", false), Some("Jan – Mar"));
        assert_eq!(at("Engineer, May – Present", false), Some("May – Present"));
        assert_eq!(at("Engineer (Jan – Mar 2020)", false), None);
        assert_eq!(at("May the best team win", false), None);
        assert_eq!(at(" March ", true), Some("March"));
        assert_eq!(at("Fall", true), Some("Fall"));
        assert_eq!(at("Fall", false), None);
        assert_eq!(at("Fall 2020", true), None);
    }

    #[test]
    fn finds_ranges_without_a_start() {
        let at = |t: &'static str| missing_start(t).map(|r| &t[r]);
        assert_eq!(at("Creator, Blog (??? — Present)"), Some("??? — Present"));
        assert_eq!(at("Engineer, Acme (– Present)"), Some("– Present"));
        assert_eq!(at("Engineer, Acme | TBD - 2021"), Some("TBD - 2021"));
        assert_eq!(at("Engineer, Acme (2019 – Present)"), None);
        assert_eq!(at("Engineer – currently at Acme"), None);
        assert_eq!(at("Senior Engineer - Present"), None);
        assert_eq!(at("Engineer, Acme (Jan – Present)"), None);
    }

    #[test]
    fn orders_when_certain() {
        let year = |y| Date {
            year: y,
            month: None,
            day: None,
            style: Style::Year,
            range: 0..0,
        };
        let month = |y, m| Date {
            month: Some(m),
            style: Style::MonthShort,
            ..year(y)
        };
        assert_eq!(year(2019).certainly_cmp(&year(2020)), Some(Ordering::Less));
        assert_eq!(year(2020).certainly_cmp(&month(2020, 3)), None);
        assert_eq!(
            month(2020, 4).certainly_cmp(&month(2020, 3)),
            Some(Ordering::Greater)
        );
    }
}
