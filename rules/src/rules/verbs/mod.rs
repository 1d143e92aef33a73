pub mod first_person_pronoun;
pub mod missing_action_verb;
pub mod passive_voice;
pub mod repeated_opener;
pub mod tense_mismatch;
pub mod weak_opener;
