pub mod duty_not_achievement;
pub mod missing_metric;
pub mod unfilled_placeholder;
