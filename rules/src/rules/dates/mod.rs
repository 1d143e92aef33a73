//! Dates: the dates of roles, read from every format.
