pub mod syntax_error;
