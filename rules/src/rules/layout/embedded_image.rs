use super::table_layout::shorten;
use crate::document::{Format, LayoutKind};
use crate::registry::RuleId;
use crate::rules::{Context, Rule, Sink, declare_rule};
use crate::span::TextRange;
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags images: Markdown images (`![alt](url)`), HTML `<img>` tags, Markdown images
    /// inside YAML / JSON text, and image keys in YAML / JSON (`basics.image` in JSON
    /// Resume, `info.image` in FRESH, `picture`, `photo`, `avatar`) that have a value.
    ///
    /// A headshot (an image key of the person, or an image whose alt text or address says
    /// photo, headshot, portrait, avatar or picture) is reported once, by `personal-data`
    /// as "Personal data: photo", when that rule is on and the market is one where photos
    /// do not belong (US, Canada, UK, Australia). Otherwise, for example with
    /// `market = "de"`, this rule reports it: a photo is still an image an ATS cannot read.
    ///
    /// ## Why is this bad?
    /// ATS parsers read text; an image is skipped, and any text inside it (a logo, a skills
    /// chart, a QR code) is lost. Images also break the layout of the plain-text version
    /// recruiters see. The US resume guide: "Avoid tables, images, and unusual fonts".
    ///
    /// ## Example
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// ![Skills chart](skills-chart.png)
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Ada Lovelace
    ///
    /// Skills: Rust (5 years), Python (3 years)
    /// ```
    pub struct EmbeddedImage {
        id: "embedded-image",
        category: Layout,
        severity: Warning,
        fix: None,
    }
}

impl Rule for EmbeddedImage {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink) {
        let photos_reported = personal_data_reports_photos(cx);
        for image in cx.images() {
            if image.photo && photos_reported {
                continue;
            }
            sink.report(
                image.range,
                format!(
                    "Image \"{}\": ATS parsers skip images and any text in them",
                    shorten(&image.name)
                ),
            );
        }
    }
}

/// An image in the resume.
#[derive(Clone, Debug)]
pub(crate) struct Image {
    pub range: TextRange,
    /// The alt text, else the address.
    pub name: String,
    /// A picture of the person: a photo key of the basics, or a headshot by its alt text
    /// or address.
    pub photo: bool,
}

/// Whether `personal-data` reports photos in this run (on, and the market excludes them).
pub(crate) fn personal_data_reports_photos(cx: &Context<'_>) -> bool {
    cx.settings.is_enabled(RuleId::PersonalData)
        && cx
            .data()
            .personal
            .item("photo")
            .is_some_and(|i| i.applies_to(&cx.settings.market))
}

static MD_IMAGE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]*)[^)\n]*\)").ok());
static IMG_TAG: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?is)<img(?-u:\b)[^>]*>").ok());
static ATTR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r#"(?i-u:\b(src|alt))[[:space:]]*=[[:space:]]*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#)
        .ok()
});

/// Parents of the keys that hold the person's own picture.
const PERSON_PARENTS: &[&str] = &[
    "about", "basics", "contact", "cv", "header", "info", "me", "person", "personal", "profile",
];
/// Image keys (normalized) that are not about the person.
const OTHER_IMAGE_KEYS: &[&str] = &["banner", "image", "images", "logo", "picture", "thumbnail"];

/// Every image of the document, in source order.
pub(crate) fn images(cx: &Context<'_>) -> Vec<Image> {
    let mut out = Vec::new();
    match cx.resume.format {
        Format::Markdown => {
            for layout in &cx.resume.layout {
                match &layout.kind {
                    LayoutKind::Image { alt, url } => out.push(image(layout.span, alt, url)),
                    LayoutKind::Html { .. } => {
                        img_tags(cx.source, layout.span, &mut out);
                    }
                    LayoutKind::Table => {}
                }
            }
        }
        Format::Yaml | Format::Json => {
            let photo_keys = cx
                .data()
                .personal
                .item("photo")
                .map(|i| i.keys.clone())
                .unwrap_or_default();
            for field in &cx.resume.fields {
                let Some(value) = field
                    .value
                    .as_ref()
                    .filter(|v| !v.as_str().trim().is_empty())
                else {
                    continue;
                };
                let segments: Vec<&str> = field.path.split('.').collect();
                let Some(key) = segments.last() else {
                    continue;
                };
                let key = crate::data::normalize_key(key);
                let of_person = match segments.as_slice() {
                    [_] => true,
                    [parent, _] => PERSON_PARENTS.contains(parent),
                    _ => false,
                };
                let photo = of_person && photo_keys.contains(&key);
                if !photo && !photo_keys.contains(&key) && !OTHER_IMAGE_KEYS.contains(&key.as_str())
                {
                    continue;
                }
                out.push(Image {
                    range: field_range(cx.source, field.key.span(), value.span()),
                    name: value.as_str().trim().to_owned(),
                    photo,
                });
            }
            // A Markdown image opens with `![`: blocks without one skip the regex (and
            // its compilation).
            for block in cx
                .resume
                .blocks
                .iter()
                .filter(|b| b.text.as_str().contains("!["))
            {
                let Some(re) = MD_IMAGE.as_ref() else { break };
                for caps in re.captures_iter(block.text.as_str()) {
                    let (Some(all), Some(alt), Some(url)) = (caps.get(0), caps.get(1), caps.get(2))
                    else {
                        continue;
                    };
                    let range = block.text.source_range(all.range());
                    if out.iter().any(|i| i.range.intersects(range)) {
                        continue;
                    }
                    out.push(image(range, alt.as_str(), url.as_str()));
                }
            }
        }
    }
    out.sort_by_key(|i| i.range.start);
    out
}

/// From the key to the value, with the quotes of a JSON key and string.
pub(crate) fn field_range(source: &str, key: TextRange, value: TextRange) -> TextRange {
    let mut range = key.cover(value);
    let byte = |i: usize| source.as_bytes().get(i).copied();
    if range.start() > 0 && byte(range.start() - 1) == Some(b'"') {
        range = TextRange::new(range.start() - 1, range.end());
    }
    if byte(range.end()) == Some(b'"') {
        range = TextRange::new(range.start(), range.end() + 1);
    }
    range
}

fn image(range: TextRange, alt: &str, url: &str) -> Image {
    let name = if alt.trim().is_empty() {
        url.rsplit('/').next().unwrap_or(url).to_owned()
    } else {
        alt.trim().to_owned()
    };
    Image {
        range,
        name,
        photo: is_headshot(alt, url),
    }
}

/// `<img>` tags inside an HTML element.
fn img_tags(source: &str, span: TextRange, out: &mut Vec<Image>) {
    let (Some(tag_re), Some(attr_re)) = (IMG_TAG.as_ref(), ATTR.as_ref()) else {
        return;
    };
    let html = span.slice(source);
    for m in tag_re.find_iter(html) {
        let mut alt = String::new();
        let mut src = String::new();
        for caps in attr_re.captures_iter(m.as_str()) {
            let value = caps
                .get(2)
                .or(caps.get(3))
                .or(caps.get(4))
                .map_or("", |v| v.as_str());
            match caps.get(1).map(|n| n.as_str().to_ascii_lowercase()) {
                Some(n) if n == "alt" => alt = value.to_owned(),
                Some(n) if n == "src" => src = value.to_owned(),
                _ => {}
            }
        }
        let range = TextRange::new(span.start() + m.start(), span.start() + m.end());
        out.push(image(range, &alt, &src));
    }
}

/// Whether the alt text or address says the image is a picture of the person.
pub(crate) fn is_headshot(alt: &str, url: &str) -> bool {
    const WORDS: &[&str] = &[
        "avatar",
        "avatars",
        "face",
        "headshot",
        "photo",
        "photograph",
        "photos",
        "pic",
        "picture",
        "portrait",
        "selfie",
    ];
    let alt = alt.to_lowercase();
    let url = url.to_lowercase();
    let file = url
        .rsplit('/')
        .next()
        .unwrap_or("")
        .split(['?', '#'])
        .next()
        .unwrap_or("");
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    // "profile" and "me" only as a whole alt text or file name ("me.jpg").
    if matches!(alt.trim(), "me" | "profile" | "my photo") || matches!(stem, "me" | "profile") {
        return true;
    }
    alt.split(|c: char| !c.is_alphanumeric())
        .chain(url.split(|c: char| !c.is_alphanumeric()))
        .any(|w| WORDS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::RuleId;
    use crate::settings::Settings;
    use crate::testing::{assert_clean, flagged, lint_with, messages};

    const RULE: RuleId = RuleId::EmbeddedImage;
    const MD: Format = Format::Markdown;

    fn with_personal_data(format: Format, text: &str, market: &str) -> Vec<(RuleId, String)> {
        let mut settings = Settings::only(&[RULE, RuleId::PersonalData]);
        settings.market = market.to_owned();
        lint_with(&settings, format, text)
            .into_iter()
            .map(|d| (d.rule, d.range.slice(text).to_owned()))
            .collect()
    }

    #[test]
    fn markdown_image() {
        let text = "# Ada\n\n![Skills chart](img/skills.png)\n\n![](logo.svg)\n";
        assert_eq!(
            flagged(RULE, MD, text),
            ["![Skills chart](img/skills.png)", "![](logo.svg)"]
        );
        assert_eq!(
            messages(RULE, MD, text),
            [
                "Image \"Skills chart\": ATS parsers skip images and any text in them",
                "Image \"logo.svg\": ATS parsers skip images and any text in them"
            ]
        );
    }

    #[test]
    fn html_img_tags() {
        let text = "# Ada\n\n<p align=\"center\"><img src=\"chart.png\" alt=\"Chart\"></p>\n\nText <img src=\"badge.svg\"> inline\n";
        assert_eq!(
            flagged(RULE, MD, text),
            [
                "<img src=\"chart.png\" alt=\"Chart\">",
                "<img src=\"badge.svg\">"
            ]
        );
    }

    #[test]
    fn headshot_is_reported_once() {
        let text = "# Ada\n\n![headshot](ada.jpg)\n\n![Chart](chart.png)\n";
        // Alone, this rule reports every image.
        assert_eq!(flagged(RULE, MD, text).len(), 2);
        // With personal-data on in the US, the photo is personal data, once.
        assert_eq!(
            with_personal_data(MD, text, "us"),
            [
                (RuleId::PersonalData, "![headshot](ada.jpg)".to_owned()),
                (RuleId::EmbeddedImage, "![Chart](chart.png)".to_owned())
            ]
        );
        // In Germany a photo is customary: it is only an image.
        assert_eq!(
            with_personal_data(MD, text, "de"),
            [
                (RuleId::EmbeddedImage, "![headshot](ada.jpg)".to_owned()),
                (RuleId::EmbeddedImage, "![Chart](chart.png)".to_owned())
            ]
        );
    }

    #[test]
    fn headshot_hints() {
        assert!(is_headshot(
            "rectangular",
            "https://images.unsplash.com/photo-1573?crop=face"
        ));
        assert!(is_headshot("", "me.jpg"));
        assert!(is_headshot("Portrait of Ada", "a.png"));
        assert!(is_headshot("", "https://avatars.githubusercontent.com/u/1"));
        assert!(!is_headshot("Skills chart", "chart.png"));
        assert!(!is_headshot("LinkedIn profile badge", "badge.svg"));
        assert!(!is_headshot("", "img/team-meeting.png"));
    }

    #[test]
    fn text_without_images_is_quiet() {
        assert_clean(
            RULE,
            MD,
            "# Ada\n\n[Portfolio](https://ada.dev/photo) · a!b\n\n- Built an image pipeline\n",
        );
    }

    #[test]
    fn json_resume_image_key() {
        let text = r#"{"basics":{"name":"Ada","image":"https://example.com/ada.jpg"},"projects":[{"name":"X","image":"shot.png"}]}"#;
        // Alone: both images.
        assert_eq!(flagged(RULE, Format::Json, text).len(), 2);
        // With personal-data in the US, basics.image is the photo.
        let found = with_personal_data(Format::Json, text, "us");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found.first().map(|f| f.0), Some(RuleId::PersonalData));
        let empty = r#"{"basics":{"name":"Ada","image":""}}"#;
        assert_clean(RULE, Format::Json, empty);
    }

    #[test]
    fn yaml_fresh_picture_and_markdown_in_scalars() {
        let text = "name: Ada\ninfo:\n  image: jane.png\nsummary: \"See ![chart](chart.png)\"\n";
        assert_eq!(
            flagged(RULE, Format::Yaml, text),
            ["image: jane.png", "![chart](chart.png)"]
        );
        assert_clean(RULE, Format::Yaml, "name: Ada\ninfo:\n  image: ''\n");
    }

    #[test]
    fn doc_example_triggers_and_use_instead_is_clean() {
        crate::rules::layout::check_doc(RULE, EmbeddedImage::META.doc);
    }
}
