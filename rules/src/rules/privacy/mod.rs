pub mod personal_data;
