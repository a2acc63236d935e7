//! Language of an article text (whatlang), as ISO 639-1 where one exists.

/// The language of `text` when whatlang is confident, as `en`, `fa`, `ar` … (ISO 639-3 for
/// languages without a two-letter code). Looks at the first 1500 bytes: whatlang's trigram
/// scoring is linear in the sample, and 1500 bytes (about 250 words) already decide a news text.
pub fn detect(text: &str) -> Option<String> {
    let mut end = text.len().min(1500);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() && info.confidence() < 0.4 {
        return None;
    }
    let code = info.lang().code();
    Some(iso1(code).unwrap_or(code).to_string())
}

fn iso1(code: &str) -> Option<&'static str> {
    Some(match code {
        "eng" => "en",
        "pes" | "fas" => "fa",
        "arb" | "ara" => "ar",
        "fra" => "fr",
        "deu" => "de",
        "spa" => "es",
        "rus" => "ru",
        "tur" => "tr",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "urd" => "ur",
        "heb" => "he",
        "hin" => "hi",
        "ukr" => "uk",
        "pol" => "pl",
        "swe" => "sv",
        "ell" => "el",
        "aze" => "az",
        "kur" => "ku",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn english_and_persian() {
        assert_eq!(
            super::detect(
                "The minister said on Tuesday that the talks would resume in Vienna next month."
            )
            .as_deref(),
            Some("en")
        );
        assert_eq!(
            super::detect(
                "وزیر امور خارجه روز سه‌شنبه گفت که مذاکرات ماه آینده در وین از سر گرفته می‌شود."
            )
            .as_deref(),
            Some("fa")
        );
    }
}
