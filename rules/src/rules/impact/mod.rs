pub mod missing_metric;
