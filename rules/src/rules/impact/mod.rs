pub mod missing_metric;
pub mod unfilled_placeholder;
