pub mod bullet_count;
pub mod long_bullet;
pub mod long_summary;
pub mod resume_too_long;
