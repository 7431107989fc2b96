//! User interface (ratatui). Not built yet.
