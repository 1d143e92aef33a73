//! `verbs.toml`: strong action verbs and plain verbs with their forms, words that cannot
//! open a sentence as its verb, weak openers with their replacements, synonyms among the
//! action verbs, irregular past participles, and the participles `passive-voice` accepts.

use super::Extensions;
use foldhash::{HashMap, HashSet};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawVerbs {
    /// base form -> [past, gerund]
    action_verbs: BTreeMap<String, [String; 2]>,
    /// base form -> [past, gerund]
    plain_verbs: BTreeMap<String, [String; 2]>,
    non_verb_openers: Vec<String>,
    passive_exceptions: Vec<String>,
    /// base form -> close synonyms (base forms of action verbs)
    synonyms: BTreeMap<String, Vec<String>>,
    /// base form -> past participle, where it differs from the past
    irregular_participles: BTreeMap<String, String>,
    weak_openers: Vec<RawWeakOpener>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawWeakOpener {
    phrase: String,
    #[serde(default)]
    replacements: Vec<String>,
    #[serde(default)]
    tense: Option<Tense>,
    #[serde(default)]
    takes_verb: bool,
}

/// The form a verb takes at the start of a bullet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tense {
    /// "Led", for past roles.
    Past,
    /// "Lead" (implied first person), for current roles.
    Present,
    /// "Leading".
    Gerund,
}

/// The form of a verb as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// "Lead", "Manage": the base form (the implied-first-person present).
    Base,
    /// "Led", "Managed".
    Past,
    /// "Leading".
    Gerund,
    /// "Leads", "Manages": third person singular present.
    Third,
}

/// A weak or passive opener and the strong verbs (base form) that can replace it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeakOpener {
    /// Lowercase phrase, as it opens a bullet: "responsible for", "helped".
    pub phrase: String,
    /// Action verbs (base form, optionally followed by a preposition: "contribute to") that
    /// replace the opener before a noun phrase.
    pub replacements: Vec<String>,
    /// The opener's own tense; `None` when it has none ("Responsible for").
    pub tense: Option<Tense>,
    /// The opener is followed by a bare verb ("Helped build"), which replaces it.
    pub takes_verb: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Verbs {
    /// Strong action verbs: base -> (past, gerund).
    action: HashMap<String, (String, String)>,
    /// Verbs that are not strong: base -> (past, gerund).
    plain: HashMap<String, (String, String)>,
    /// Any form (base, past, gerund) of any known verb -> base. Base forms win a clash
    /// ("found" is the base of "founded" before it is the past of "find").
    base_of: HashMap<String, String>,
    non_verbs: HashSet<String>,
    /// Every past form of every verb ("found" is one, though it is also a base).
    pasts: HashSet<String>,
    /// Past participle -> base (past forms and the irregular participles).
    participle_of: HashMap<String, String>,
    /// Participles `passive-voice` accepts after a form of "be".
    passive_exceptions: HashSet<String>,
    /// Action verb -> close synonyms among the action verbs.
    synonyms: HashMap<String, Vec<String>>,
    /// Irregular participles, base -> participle.
    irregular_participles: HashMap<String, String>,
    /// Longest phrase first, so "helped with" wins over "helped".
    pub weak_openers: Vec<WeakOpener>,
    /// Indices into `weak_openers` by the phrase's first word, in list order.
    openers_by_first_word: HashMap<String, Vec<usize>>,
}

impl Verbs {
    pub fn parse(src: &str) -> Result<Verbs, String> {
        let raw: RawVerbs = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut v = Verbs::default();
        for (base, [past, ing]) in raw.action_verbs {
            v.action.insert(base, (past, ing));
        }
        for (base, [past, ing]) in raw.plain_verbs {
            v.plain.insert(base, (past, ing));
        }
        v.irregular_participles = raw.irregular_participles.into_iter().collect();
        v.index();
        v.non_verbs = raw.non_verb_openers.into_iter().collect();
        v.passive_exceptions = raw.passive_exceptions.into_iter().collect();
        v.synonyms = raw.synonyms.into_iter().collect();
        v.weak_openers = raw
            .weak_openers
            .into_iter()
            .map(|w| WeakOpener {
                phrase: w.phrase,
                replacements: w.replacements,
                tense: w.tense,
                takes_verb: w.takes_verb,
            })
            .collect();
        v.sort_openers();
        Ok(v)
    }

    fn index(&mut self) {
        self.base_of.clear();
        let all = || self.action.iter().chain(self.plain.iter());
        let mut base_of: HashMap<String, String> =
            all().map(|(b, _)| (b.clone(), b.clone())).collect();
        for (base, (past, ing)) in all() {
            for form in [past, ing] {
                base_of.entry(form.clone()).or_insert_with(|| base.clone());
            }
        }
        self.base_of = base_of;
        self.pasts = all().map(|(_, (past, _))| past.clone()).collect();
        let mut participle_of: HashMap<String, String> = all()
            .map(|(base, (past, _))| (past.clone(), base.clone()))
            .collect();
        for (base, participle) in &self.irregular_participles {
            participle_of.insert(participle.clone(), base.clone());
        }
        self.participle_of = participle_of;
    }

    fn sort_openers(&mut self) {
        self.weak_openers.sort_by(|a, b| {
            b.phrase
                .len()
                .cmp(&a.phrase.len())
                .then(a.phrase.cmp(&b.phrase))
        });
        self.openers_by_first_word.clear();
        for (i, o) in self.weak_openers.iter().enumerate() {
            let first = o.phrase.split(' ').next().unwrap_or("");
            self.openers_by_first_word
                .entry(first.to_owned())
                .or_default()
                .push(i);
        }
    }

    /// The weak openers whose phrase opens with the word `first` (lowercase), longest
    /// first.
    pub fn openers_starting_with<'a>(
        &'a self,
        first: &str,
    ) -> impl Iterator<Item = &'a WeakOpener> + 'a {
        self.openers_by_first_word
            .get(first)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.weak_openers.get(i))
    }

    pub fn extend(&mut self, ext: &Extensions) {
        for verb in &ext.action_verbs {
            let base = verb.to_lowercase();
            if !self.action.contains_key(&base) {
                let forms = self
                    .plain
                    .remove(&base)
                    .unwrap_or_else(|| regular_forms(&base));
                self.action.insert(base, forms);
            }
        }
        self.index();
        for (phrase, replacements) in &ext.weak_openers {
            let phrase = phrase.to_lowercase();
            let first = phrase.split(' ').next().unwrap_or("");
            let tense = if first.ends_with("ed") {
                Some(Tense::Past)
            } else if first.ends_with("ing") {
                Some(Tense::Gerund)
            } else {
                None
            };
            self.weak_openers.retain(|w| w.phrase != phrase);
            self.weak_openers.push(WeakOpener {
                phrase,
                replacements: replacements.iter().map(|r| r.to_lowercase()).collect(),
                tense,
                takes_verb: false,
            });
        }
        self.sort_openers();
    }

    fn forms(&self, base: &str) -> Option<&(String, String)> {
        self.action.get(base).or_else(|| self.plain.get(base))
    }

    /// The base form of a known verb form (lowercase input), strong or plain. Third-person
    /// forms ("leads", "manages", "carries") count.
    pub fn base_of(&self, word: &str) -> Option<&str> {
        if let Some(base) = self.base_of.get(word) {
            return Some(base);
        }
        let stems = [
            word.strip_suffix("ies").map(|s| format!("{s}y")),
            word.strip_suffix("es").map(str::to_owned),
            word.strip_suffix('s').map(str::to_owned),
        ];
        stems
            .into_iter()
            .flatten()
            .find_map(|stem| {
                self.action
                    .get_key_value(&stem)
                    .or(self.plain.get_key_value(&stem))
            })
            .map(|(k, _)| k.as_str())
    }

    /// Whether `word` (lowercase) is a form of a strong action verb.
    pub fn is_action_verb(&self, word: &str) -> bool {
        self.base_of(word)
            .is_some_and(|b| self.action.contains_key(b))
    }

    /// Whether `word` (lowercase) is a form of any known verb, strong or plain.
    pub fn is_verb(&self, word: &str) -> bool {
        self.base_of(word).is_some()
    }

    /// Whether `word` (lowercase) is the base form of a known verb.
    pub fn is_base(&self, word: &str) -> bool {
        self.action.contains_key(word) || self.plain.contains_key(word)
    }

    /// The base form of `word` (lowercase) when it is the gerund of a known verb.
    pub fn gerund_base(&self, word: &str) -> Option<&str> {
        let base = self.base_of.get(word)?;
        (self.gerund(base) == Some(word)).then_some(base.as_str())
    }

    /// `base` in the given tense: "lead" -> "led" / "lead" / "leading".
    pub fn inflect(&self, base: &str, tense: Tense) -> Option<&str> {
        let (key, (past, ing)) = self
            .action
            .get_key_value(base)
            .or_else(|| self.plain.get_key_value(base))?;
        Some(match tense {
            Tense::Past => past,
            Tense::Present => key,
            Tense::Gerund => ing,
        })
    }

    pub fn past(&self, base: &str) -> Option<&str> {
        self.forms(base).map(|(p, _)| p.as_str())
    }

    pub fn gerund(&self, base: &str) -> Option<&str> {
        self.forms(base).map(|(_, g)| g.as_str())
    }

    /// Whether `word` (lowercase) cannot open a sentence as its verb ("the", "various").
    pub fn is_non_verb(&self, word: &str) -> bool {
        self.non_verbs.contains(word)
    }

    /// Strong action verbs, base form.
    pub fn action_verbs(&self) -> impl Iterator<Item = &str> {
        self.action.keys().map(String::as_str)
    }

    /// The base of a known verb form (lowercase input) and which form it is. A word that
    /// is the base of one verb and the past of another ("found") reads as the base; ask
    /// `is_past_form` to tell.
    pub fn form_of(&self, word: &str) -> Option<(&str, Form)> {
        let base = self.base_of(word)?;
        let form = if word == base {
            Form::Base
        } else if self.past(base) == Some(word) {
            Form::Past
        } else if self.gerund(base) == Some(word) {
            Form::Gerund
        } else if self.base_of.contains_key(word) {
            // A form of a verb whose own base lost a clash: "found" as the past of "find".
            Form::Past
        } else {
            Form::Third
        };
        Some((base, form))
    }

    /// Whether `word` (lowercase) is the past form of any known verb ("cut", "found").
    pub fn is_past_form(&self, word: &str) -> bool {
        self.pasts.contains(word)
    }

    /// The base of a past participle (lowercase input): "rebuilt" -> "rebuild", "written"
    /// -> "write".
    pub fn participle_base(&self, word: &str) -> Option<&str> {
        self.participle_of.get(word).map(String::as_str)
    }

    /// Whether `passive-voice` accepts `participle` (lowercase) after a form of "be".
    pub fn is_passive_exception(&self, participle: &str) -> bool {
        self.passive_exceptions.contains(participle)
    }

    /// Close synonyms of an action verb (base forms), in data order.
    pub fn synonyms(&self, base: &str) -> &[String] {
        self.synonyms.get(base).map_or(&[], Vec::as_slice)
    }

    /// `base` in the given form, for a known verb: "lead" -> "led" / "lead" / "leading"
    /// / "leads".
    pub fn form(&self, base: &str, form: Form) -> Option<String> {
        let tense = match form {
            Form::Base => Tense::Present,
            Form::Past => Tense::Past,
            Form::Gerund => Tense::Gerund,
            Form::Third => {
                self.forms(base)?;
                return Some(third_person(base));
            }
        };
        self.inflect(base, tense).map(str::to_owned)
    }
}

/// The third person singular of a base form: "lead" -> "leads", "fix" -> "fixes",
/// "unify" -> "unifies".
pub fn third_person(base: &str) -> String {
    if let Some(stem) = base.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        format!("{stem}ies")
    } else if base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("sh") || base.ends_with("ch") {
        format!("{base}es")
    } else {
        format!("{base}s")
    }
}

/// Past and gerund of a regular verb, for user-added verbs without listed forms.
pub fn regular_forms(base: &str) -> (String, String) {
    if base.ends_with("ee") {
        (format!("{base}d"), format!("{base}ing"))
    } else if let Some(stem) = base.strip_suffix('e') {
        (format!("{base}d"), format!("{stem}ing"))
    } else if let Some(stem) = base.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        (format!("{stem}ied"), format!("{base}ing"))
    } else {
        (format!("{base}ed"), format!("{base}ing"))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const SRC: &str = include_str!("../../data/verbs.toml");

    fn raw() -> RawVerbs {
        toml::from_str(SRC).unwrap()
    }

    /// `index` maps each form to its base by iterating hash maps: a form of two bases
    /// would make the winner depend on the hash seed, and the engine nondeterministic.
    #[test]
    fn no_form_belongs_to_two_bases() {
        let verbs = Verbs::parse(SRC).unwrap();
        let mut owner = std::collections::HashMap::<&str, &str>::new();
        for (base, (past, ing)) in verbs.action.iter().chain(verbs.plain.iter()) {
            for form in [past, ing] {
                if verbs.action.contains_key(form) || verbs.plain.contains_key(form) {
                    continue; // a base of its own ("found"): the base wins, by construction
                }
                if let Some(other) = owner.insert(form, base) {
                    assert_eq!(other, base, "{form:?} is a form of {other:?} and {base:?}");
                }
            }
        }
    }

    /// The keys of a `[table]` in source order.
    fn table_keys(name: &str) -> Vec<String> {
        SRC.lines()
            .skip_while(|l| l.trim() != format!("[{name}]"))
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim().to_owned()))
            .collect()
    }

    fn assert_sorted_unique(what: &str, list: &[String]) {
        for pair in list.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{what}: {:?} before {:?}",
                pair[0],
                pair[1]
            );
        }
        for w in list {
            assert_eq!(*w, w.to_lowercase(), "{what}: {w:?} is not lowercase");
        }
    }

    #[test]
    fn data_parses() {
        let v = Verbs::parse(SRC).unwrap();
        assert!(v.action_verbs().count() > 200);
        assert!(!v.weak_openers.is_empty());
    }

    #[test]
    fn lists_are_sorted_lowercase_and_unique() {
        let action = table_keys("action-verbs");
        let plain = table_keys("plain-verbs");
        assert_eq!(action.len(), raw().action_verbs.len());
        assert_eq!(plain.len(), raw().plain_verbs.len());
        assert_sorted_unique("action-verbs", &action);
        assert_sorted_unique("plain-verbs", &plain);
        let r = raw();
        assert_sorted_unique("non-verb-openers", &r.non_verb_openers);
        let phrases: Vec<String> = r.weak_openers.iter().map(|w| w.phrase.clone()).collect();
        assert_sorted_unique("weak-openers", &phrases);
        for w in &r.weak_openers {
            let mut sorted = w.replacements.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted, w.replacements, "replacements of {:?}", w.phrase);
        }
    }

    #[test]
    fn no_word_is_both_weak_and_strong() {
        let r = raw();
        for base in r.plain_verbs.keys() {
            assert!(
                !r.action_verbs.contains_key(base),
                "{base:?} is both a plain and an action verb"
            );
        }
        let v = Verbs::parse(SRC).unwrap();
        for w in &v.weak_openers {
            if !w.phrase.contains(' ') {
                assert!(
                    !v.is_action_verb(&w.phrase),
                    "weak opener {:?} is an action verb form",
                    w.phrase
                );
            }
        }
        for word in &r.non_verb_openers {
            assert!(
                !v.is_verb(word),
                "{word:?} is listed as a non-verb and a verb"
            );
        }
    }

    #[test]
    fn every_weak_opener_has_a_replacement_and_each_is_an_action_verb() {
        let v = Verbs::parse(SRC).unwrap();
        for w in &v.weak_openers {
            assert!(
                w.takes_verb || !w.replacements.is_empty(),
                "weak opener {:?} has no replacement",
                w.phrase
            );
            for r in &w.replacements {
                let verb = r.split(' ').next().unwrap_or("");
                assert!(
                    v.action.contains_key(verb),
                    "replacement {r:?} of {:?} is not a known action verb",
                    w.phrase
                );
            }
        }
    }

    #[test]
    fn forms_are_consistent() {
        let v = Verbs::parse(SRC).unwrap();
        assert_eq!(v.inflect("lead", Tense::Past), Some("led"));
        assert_eq!(v.inflect("lead", Tense::Gerund), Some("leading"));
        assert_eq!(v.gerund_base("managing"), Some("manage"));
        assert_eq!(v.gerund_base("managed"), None);
        assert_eq!(v.base_of("founded"), Some("found"));
        assert_eq!(v.base_of("found"), Some("found"));
        assert_eq!(v.base_of("leads"), Some("lead"));
        assert_eq!(v.base_of("simplifies"), Some("simplify"));
        assert_eq!(v.base_of("manages"), Some("manage"));
        for (base, (past, ing)) in v.action.iter().chain(v.plain.iter()) {
            assert!(!past.is_empty() && !ing.is_empty(), "{base}");
            assert!(ing.ends_with("ing"), "{base}: gerund {ing:?}");
        }
    }

    #[test]
    fn passive_data_and_synonyms_are_sorted_and_unique() {
        let r = raw();
        assert_sorted_unique("passive-exceptions", &r.passive_exceptions);
        let keys = table_keys("synonyms");
        assert_eq!(keys.len(), r.synonyms.len());
        assert_sorted_unique("synonyms", &keys);
        for (base, list) in &r.synonyms {
            assert_sorted_unique(&format!("synonyms of {base:?}"), list);
        }
        let keys = table_keys("irregular-participles");
        assert_eq!(keys.len(), r.irregular_participles.len());
        assert_sorted_unique("irregular-participles", &keys);
    }

    #[test]
    fn synonyms_are_other_action_verbs() {
        let r = raw();
        for (base, list) in &r.synonyms {
            assert!(
                r.action_verbs.contains_key(base),
                "synonyms: {base:?} is not an action verb"
            );
            assert!(!list.is_empty(), "synonyms of {base:?}: empty list");
            for s in list {
                assert_ne!(s, base, "{base:?} is its own synonym");
                assert!(
                    r.action_verbs.contains_key(s),
                    "synonym {s:?} of {base:?} is not an action verb"
                );
            }
        }
    }

    #[test]
    fn irregular_participles_differ_from_the_past() {
        let v = Verbs::parse(SRC).unwrap();
        for (base, participle) in &raw().irregular_participles {
            let past = v.past(base);
            assert!(
                past.is_some(),
                "irregular participle of unknown verb {base:?}"
            );
            assert_ne!(
                past,
                Some(participle.as_str()),
                "{base:?}: same as its past"
            );
            assert_eq!(v.participle_base(participle), Some(base.as_str()));
        }
        assert_eq!(v.participle_base("rebuilt"), Some("rebuild"));
        assert_eq!(v.participle_base("implemented"), Some("implement"));
    }

    #[test]
    fn no_passive_exception_is_a_weak_opener() {
        let v = Verbs::parse(SRC).unwrap();
        let r = raw();
        for word in &r.passive_exceptions {
            assert!(
                !v.weak_openers.iter().any(|w| w.phrase == *word),
                "{word:?} is both a passive exception and a weak opener"
            );
        }
        // Every replacement and synonym is strong, so none is a weak opener.
        for w in &v.weak_openers {
            assert!(
                !v.weak_openers
                    .iter()
                    .any(|o| w.replacements.contains(&o.phrase)),
                "a replacement of {:?} is a weak opener",
                w.phrase
            );
        }
    }

    /// The forms a regular verb can take: "plan" -> "planned"/"planning", "tie" -> "tying".
    fn regular_candidates(base: &str) -> (Vec<String>, Vec<String>) {
        let last = base.chars().last().map(String::from).unwrap_or_default();
        let no_e = base.strip_suffix('e').unwrap_or(base);
        let pasts = vec![
            format!("{base}ed"),
            format!("{base}d"),
            format!("{base}{last}ed"),
            format!("{}ied", base.strip_suffix('y').unwrap_or(base)),
        ];
        let gerunds = vec![
            format!("{base}ing"),
            format!("{no_e}ing"),
            format!("{base}{last}ing"),
            format!("{}ying", base.strip_suffix("ie").unwrap_or(base)),
        ];
        (pasts, gerunds)
    }

    #[test]
    fn every_verb_form_is_consistent_with_its_base() {
        let v = Verbs::parse(SRC).unwrap();
        for (base, (past, ing)) in v.action.iter().chain(v.plain.iter()) {
            let (pasts, gerunds) = regular_candidates(base);
            assert!(
                gerunds.contains(ing),
                "{base:?}: gerund {ing:?} is not a form of the base"
            );
            // A past in -ed is regular and must be spelled from the base; the others are
            // irregular ("led", "built", "cut").
            if past.ends_with("ed") && !matches!(base.as_str(), "feed" | "speed" | "lead") {
                assert!(
                    pasts.contains(past),
                    "{base:?}: past {past:?} is not a form of the base"
                );
            }
            assert_eq!(v.form(base, Form::Past).as_deref(), Some(past.as_str()));
            assert_eq!(v.form(base, Form::Gerund).as_deref(), Some(ing.as_str()));
        }
        assert_eq!(v.form_of("led"), Some(("lead", Form::Past)));
        assert_eq!(v.form_of("leads"), Some(("lead", Form::Third)));
        assert_eq!(v.form_of("leading"), Some(("lead", Form::Gerund)));
        assert_eq!(v.form_of("lead"), Some(("lead", Form::Base)));
        assert!(v.is_past_form("found") && v.is_past_form("cut"));
        assert!(!v.is_past_form("manage"));
        assert_eq!(third_person("unify"), "unifies");
        assert_eq!(third_person("fix"), "fixes");
        assert_eq!(third_person("oversee"), "oversees");
        assert_eq!(third_person("deploy"), "deploys");
    }

    #[test]
    fn a_weak_opener_has_the_tense_of_its_verb() {
        let v = Verbs::parse(SRC).unwrap();
        for w in &v.weak_openers {
            // The first verb of the phrase: "handled", "duties included".
            let Some((_, form)) = w.phrase.split(' ').find_map(|word| v.form_of(word)) else {
                assert!(w.tense.is_none(), "{:?}: tense without a verb", w.phrase);
                continue;
            };
            let expected = match form {
                Form::Base => Tense::Present,
                Form::Past => Tense::Past,
                Form::Gerund => Tense::Gerund,
                Form::Third => panic!("{:?}: third person opener", w.phrase),
            };
            assert_eq!(w.tense, Some(expected), "{:?}", w.phrase);
        }
    }

    #[test]
    fn extensions_add_verbs_and_openers() {
        let mut v = Verbs::parse(SRC).unwrap();
        v.extend(&Extensions {
            weak_openers: vec![("Took part in".to_owned(), vec!["contribute to".to_owned()])],
            action_verbs: vec!["Evangelize".to_owned()],
            headings: Vec::new(),
        });
        assert!(v.is_action_verb("evangelized"));
        assert_eq!(v.inflect("evangelize", Tense::Gerund), Some("evangelizing"));
        assert!(v.weak_openers.iter().any(|w| w.phrase == "took part in"));
        // Longest first.
        let lens: Vec<usize> = v.weak_openers.iter().map(|w| w.phrase.len()).collect();
        assert!(lens.windows(2).all(|p| p[0] >= p[1]));
    }
}
