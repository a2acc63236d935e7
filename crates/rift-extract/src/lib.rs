//! Statement extraction: direct quotes, reported speech, outlet-written text.
