pub mod first_person_pronoun;
pub mod missing_action_verb;
pub mod weak_opener;
