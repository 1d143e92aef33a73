//! THE list of rules. Adding a rule: its file, its module line, and one line here.

use crate::rules::{self, Category, Rule, RuleMeta};
use std::fmt;
use std::str::FromStr;

macro_rules! register_rules {
    ($($variant:ident => $path:path,)*) => {
        /// Every rule, as a compact id. `Display` is the public kebab-case id.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $($variant,)*
        }

        /// Every rule, in registry order (by category, then alphabetical).
        pub const ALL_RULES: &[RuleId] = &[$(RuleId::$variant,)*];

        impl RuleId {
            pub fn meta(self) -> &'static RuleMeta {
                match self {
                    $(RuleId::$variant => &<$path>::META,)*
                }
            }

            pub(crate) fn rule(self) -> &'static dyn Rule {
                match self {
                    $(RuleId::$variant => &$path,)*
                }
            }
        }
    };
}

register_rules! {
    // impact
    DutyNotAchievement => rules::impact::duty_not_achievement::DutyNotAchievement,
    MissingMetric => rules::impact::missing_metric::MissingMetric,
    UnfilledPlaceholder => rules::impact::unfilled_placeholder::UnfilledPlaceholder,
    // verbs
    FirstPersonPronoun => rules::verbs::first_person_pronoun::FirstPersonPronoun,
    MissingActionVerb => rules::verbs::missing_action_verb::MissingActionVerb,
    PassiveVoice => rules::verbs::passive_voice::PassiveVoice,
    RepeatedOpener => rules::verbs::repeated_opener::RepeatedOpener,
    TenseMismatch => rules::verbs::tense_mismatch::TenseMismatch,
    WeakOpener => rules::verbs::weak_opener::WeakOpener,
    // wording
    Buzzword => rules::wording::buzzword::Buzzword,
    FillerWord => rules::wording::filler_word::FillerWord,
    MiscasedTechnology => rules::wording::miscased_technology::MiscasedTechnology,
    // layout
    ContactNotAtTop => rules::layout::contact_not_at_top::ContactNotAtTop,
    DecorativeGlyph => rules::layout::decorative_glyph::DecorativeGlyph,
    EmbeddedImage => rules::layout::embedded_image::EmbeddedImage,
    MissingContact => rules::layout::missing_contact::MissingContact,
    MissingSection => rules::layout::missing_section::MissingSection,
    NonstandardHeading => rules::layout::nonstandard_heading::NonstandardHeading,
    RawHtml => rules::layout::raw_html::RawHtml,
    TableLayout => rules::layout::table_layout::TableLayout,
    // privacy
    PersonalData => rules::privacy::personal_data::PersonalData,
    // length
    BulletCount => rules::length::bullet_count::BulletCount,
    LongBullet => rules::length::long_bullet::LongBullet,
    LongSummary => rules::length::long_summary::LongSummary,
    ResumeTooLong => rules::length::resume_too_long::ResumeTooLong,
    // dates
    EmploymentGap => rules::dates::employment_gap::EmploymentGap,
    EndBeforeStart => rules::dates::end_before_start::EndBeforeStart,
    FutureDate => rules::dates::future_date::FutureDate,
    InconsistentDateFormat => rules::dates::inconsistent_date_format::InconsistentDateFormat,
    NotReverseChronological => rules::dates::not_reverse_chronological::NotReverseChronological,
    VagueDate => rules::dates::vague_date::VagueDate,
    // posting
    KeywordOnlyInSkills => rules::posting::keyword_only_in_skills::KeywordOnlyInSkills,
    MissingKeyword => rules::posting::missing_keyword::MissingKeyword,
    NearMissKeyword => rules::posting::near_miss_keyword::NearMissKeyword,
    // syntax
    SyntaxError => rules::syntax::syntax_error::SyntaxError,
}

impl RuleId {
    pub fn as_str(self) -> &'static str {
        self.meta().id
    }

    pub fn category(self) -> Category {
        self.meta().category
    }

    /// The closest rule id to a misspelled one, for "did you mean".
    pub fn suggest(name: &str) -> Option<RuleId> {
        ALL_RULES
            .iter()
            .map(|r| (strsim::jaro_winkler(name, r.as_str()), *r))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, r)| r)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown rule id, with the nearest known one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRule {
    pub name: String,
    pub suggestion: Option<RuleId>,
}

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown rule \"{}\"", self.name)?;
        if let Some(s) = self.suggestion {
            write!(f, "; did you mean \"{s}\"?")?;
        }
        Ok(())
    }
}

impl FromStr for RuleId {
    type Err = UnknownRule;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ALL_RULES
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRule {
                name: s.to_owned(),
                suggestion: RuleId::suggest(s),
            })
    }
}
