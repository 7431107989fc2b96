//! Bookmarks store. Not built yet.
