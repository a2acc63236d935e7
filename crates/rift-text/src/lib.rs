//! Text handling: cleaning boilerplate, paragraphs, sentences, datelines, offset maps.
