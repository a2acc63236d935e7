//! SQLite storage of articles, statements, stances and the KB snapshot.
