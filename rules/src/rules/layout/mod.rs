pub mod contact_not_at_top;
pub mod decorative_glyph;
pub mod embedded_image;
pub mod missing_contact;
pub mod missing_section;
pub mod nonstandard_heading;
pub mod raw_html;
pub mod table_layout;
