//! Language of an article text, as ISO 639-1 where one exists.
//!
//! [`detect`] looks at the first [`SAMPLE`] bytes. Most inputs are English news, so it first
//! tries a cheap test for *clearly English* text: (almost) only Latin letters, at least
//! [`MIN_WORDS`] words, and a function-word profile no other language has (`the` alone is
//! ≥ 1.5% of the words, English function words ≥ 10%, and they outnumber the common function
//! words of the other Latin-script languages at least 8 to 1). That costs one pass over the
//! sample (≈ 15 instructions a byte). Everything else — another script, another Latin-script
//! language, a mixed, short or list-like text — goes to whatlang's trigram scoring
//! ([`detect_whatlang`], ≈ 800 instructions a byte), as before. On every text where the cheap
//! test answers, whatlang answers `en` too (checked on PolNeAR, GWSD and SemEval texts: the
//! `agrees_with_whatlang_*` and `sentences_*` tests).

/// Bytes of the text looked at: whatlang's trigram scoring is linear in the sample, and 1500
/// bytes (about 250 words) already decide a news text.
pub const SAMPLE: usize = 1500;

/// Fewest words for the English test to answer.
pub const MIN_WORDS: u32 = 30;

/// The language of `text` when it is clear, as `en`, `fa`, `ar` … (ISO 639-3 for languages
/// without a two-letter code), else `None`. Same answers as [`detect_whatlang`], faster on
/// English.
pub fn detect(text: &str) -> Option<String> {
    let sample = sample(text);
    if clearly_english(sample) {
        return Some("en".to_string());
    }
    whatlang_code(sample)
}

/// The language by whatlang alone (the reference [`detect`] agrees with): whatlang's answer on
/// the first 1,500 bytes (`SAMPLE`) when it is reliable or its confidence is at least 0.4.
pub fn detect_whatlang(text: &str) -> Option<String> {
    whatlang_code(sample(text))
}

/// The first [`SAMPLE`] bytes of `text`, cut back to a character boundary.
fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn whatlang_code(sample: &str) -> Option<String> {
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.4 {
        return None;
    }
    let code = info.lang().code();
    Some(iso1(code).unwrap_or(code).to_string())
}

/// What one word of the sample is, for the English test.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    The,
    English,
    Foreign,
    Other,
}

/// English function words that are rare as words of the other Latin-script languages whatlang
/// knows (so not `a`, `in`, `to`, `on`, `i`, `an`, `at`, `as`, `die`, `was`, `will`, `is`,
/// `for`, `by`, `he`, `her`, `we`, `had`, `also`: each is a common word of a neighbour).
fn classify(w: &[u8]) -> Word {
    match w {
        b"the" => Word::The,
        b"of" | b"and" | b"that" | b"with" | b"from" | b"this" | b"they" | b"which" | b"were"
        | b"their" | b"would" | b"said" | b"been" | b"there" | b"have" | b"has" | b"his"
        | b"she" | b"not" | b"it" | b"who" | b"its" | b"but" | b"about" | b"after" | b"what"
        | b"when" | b"could" | b"more" | b"than" | b"should" | b"says" | b"our" | b"you" => {
            Word::English
        }
        // Common function words of Spanish, Portuguese, French, Italian, Catalan, German,
        // Dutch, Afrikaans, the Scandinavian languages, Indonesian, Tagalog, Latin (ASCII
        // forms only).
        b"de" | b"la" | b"le" | b"les" | b"et" | b"des" | b"du" | b"und" | b"der" | b"das"
        | b"den" | b"dem" | b"ist" | b"nicht" | b"ein" | b"eine" | b"el" | b"los" | b"las"
        | b"que" | b"y" | b"en" | b"het" | b"van" | b"een" | b"och" | b"og" | b"att" | b"il"
        | b"di" | b"che" | b"del" | b"della" | b"una" | b"une" | b"est" | b"pas" | b"por"
        | b"con" | b"para" | b"dos" | b"um" | b"uma" | b"com" | b"yang" | b"dan" | b"ang"
        | b"ng" | b"sa" | b"mga" | b"non" | b"cum" | b"sunt" | b"zijn" | b"ik" | b"je" | b"nie"
        | b"sich" | b"auf" | b"mit" | b"ja" | b"ei" => Word::Foreign,
        _ => Word::Other,
    }
}

/// True when the sample is English beyond doubt by its function words (see the module doc).
fn clearly_english(s: &str) -> bool {
    let b = s.as_bytes();
    let (mut ascii_letters, mut other_letters) = (0u32, 0u32);
    let (mut words, mut the, mut english, mut foreign) = (0u32, 0u32, 0u32, 0u32);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            ascii_letters += (i - start) as u32;
            words += 1;
            // A word glued to a non-ASCII letter (`café`) is not looked up.
            let glued = (start > 0 && b[start - 1] >= 0x80 && ends_in_letter(&s[..start]))
                || (i < b.len() && b[i] >= 0x80 && starts_with_letter(&s[i..]));
            let len = i - start;
            if glued || len > 6 {
                continue;
            }
            let mut low = [0u8; 6];
            for (d, &s) in low.iter_mut().zip(&b[start..i]) {
                *d = s.to_ascii_lowercase();
            }
            match classify(&low[..len]) {
                Word::The => the += 1,
                Word::English => english += 1,
                Word::Foreign => foreign += 1,
                Word::Other => {}
            }
        } else if c >= 0x80 {
            // The sample is a `&str` cut at a char boundary: decode one char.
            let ch = s[i..].chars().next().unwrap_or(' ');
            if ch.is_alphabetic() {
                other_letters += 1;
            }
            i += ch.len_utf8();
        } else {
            i += 1;
        }
    }
    let english = english + the;
    words >= MIN_WORDS
        && other_letters * 50 <= ascii_letters
        && the * 200 >= words * 3
        && english * 10 >= words
        && foreign * 8 <= english
}

fn ends_in_letter(s: &str) -> bool {
    s.chars().next_back().is_some_and(char::is_alphabetic)
}

fn starts_with_letter(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphabetic)
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
    use super::{clearly_english, detect, detect_whatlang};

    #[test]
    fn english_and_persian() {
        assert_eq!(
            detect(
                "The minister said on Tuesday that the talks would resume in Vienna next month."
            )
            .as_deref(),
            Some("en")
        );
        assert_eq!(
            detect("وزیر امور خارجه روز سه‌شنبه گفت که مذاکرات ماه آینده در وین از سر گرفته می‌شود.")
                .as_deref(),
            Some("fa")
        );
    }

    /// Sentences written for this test (not from a corpus), each long enough for the English
    /// test to be tried, with the language whatlang gives them.
    const SENTENCES: &[(&str, &str)] = &[
        ("en", "The governor said on Monday that the state would not raise taxes this year, and \
                that the budget, which was passed by the legislature last week, has been balanced \
                without cuts to schools. Critics of the plan said that it relied on one-time money \
                from the federal government and would leave a gap of about two billion dollars."),
        ("en", "“We have been clear about this from the start,” she told reporters after the \
                meeting. “The agreement is not perfect, but it is the best deal that we could get, \
                and I think that the people of this country will see that it was worth the wait.” \
                Her opponents, who had called for the talks to end, were not convinced."),
        ("fr", "Le ministre a déclaré mardi que les négociations reprendraient le mois prochain \
                à Vienne, et que le gouvernement ne changerait pas sa position sur la question des \
                sanctions. Les partis de l'opposition ont critiqué cette décision, qu'ils jugent \
                contraire aux intérêts du pays et de ses citoyens."),
        ("de", "Der Minister sagte am Dienstag, dass die Gespräche im nächsten Monat in Wien \
                fortgesetzt werden sollen und dass die Regierung ihre Haltung in der Frage der \
                Sanktionen nicht ändern werde. Die Opposition kritisierte die Entscheidung, die sie \
                für einen Fehler hält, und forderte eine Debatte im Parlament."),
        ("es", "El ministro dijo el martes que las negociaciones se reanudarán el próximo mes en \
                Viena y que el gobierno no cambiará su posición sobre la cuestión de las sanciones. \
                Los partidos de la oposición criticaron la decisión, que consideran contraria a los \
                intereses del país y de sus ciudadanos."),
        ("it", "Il ministro ha detto martedì che i negoziati riprenderanno il mese prossimo a \
                Vienna e che il governo non cambierà la sua posizione sulla questione delle \
                sanzioni. I partiti dell'opposizione hanno criticato la decisione, che considerano \
                contraria agli interessi del paese e dei suoi cittadini."),
        ("pt", "O ministro disse na terça-feira que as negociações serão retomadas no próximo mês \
                em Viena e que o governo não vai mudar a sua posição sobre a questão das sanções. \
                Os partidos da oposição criticaram a decisão, que consideram contrária aos \
                interesses do país e dos seus cidadãos."),
        ("nl", "De minister zei dinsdag dat de onderhandelingen volgende maand in Wenen worden \
                hervat en dat de regering haar standpunt over de sancties niet zal wijzigen. De \
                oppositiepartijen bekritiseerden het besluit, dat zij in strijd achten met de \
                belangen van het land en van zijn burgers."),
        ("tr", "Bakan salı günü yaptığı açıklamada müzakerelerin gelecek ay Viyana'da yeniden \
                başlayacağını ve hükümetin yaptırımlar konusundaki tutumunu değiştirmeyeceğini \
                söyledi. Muhalefet partileri, ülkenin ve vatandaşlarının çıkarlarına aykırı \
                buldukları bu kararı eleştirdi."),
        ("ru", "Министр заявил во вторник, что переговоры возобновятся в следующем месяце в Вене \
                и что правительство не изменит свою позицию по вопросу о санкциях. Оппозиционные \
                партии раскритиковали это решение, которое они считают противоречащим интересам \
                страны и её граждан."),
        ("ar", "قال الوزير يوم الثلاثاء إن المفاوضات ستستأنف الشهر المقبل في فيينا وإن الحكومة \
                لن تغير موقفها من مسألة العقوبات. وانتقدت أحزاب المعارضة هذا القرار الذي تعتبره \
                مخالفا لمصالح البلاد ومواطنيها."),
        ("fa", "وزیر روز سه‌شنبه گفت که مذاکرات ماه آینده در وین از سر گرفته می‌شود و دولت موضع \
                خود را در مورد تحریم‌ها تغییر نخواهد داد. احزاب مخالف این تصمیم را که به گفته آنها \
                با منافع کشور و شهروندانش در تضاد است، مورد انتقاد قرار دادند."),
    ];

    #[test]
    fn sentences_get_the_same_language_as_with_whatlang_alone() {
        for (want, text) in SENTENCES {
            let old = detect_whatlang(text);
            assert_eq!(old.as_deref(), Some(*want), "whatlang on {text:?}");
            assert_eq!(detect(text), old, "{text:?}");
            // The English test answers only for the English ones.
            assert_eq!(clearly_english(text), *want == "en", "{text:?}");
        }
    }

    #[test]
    fn mixed_short_and_list_texts_go_to_whatlang() {
        let half = format!("{} {}", SENTENCES[0].1, SENTENCES[4].1);
        let cases = [
            half.as_str(),
            "The talks resume.",
            "Trump Clinton Sanders Cruz Rubio Kasich Carson Bush Fiorina Christie Paul Huckabee \
             Santorini Pataki Graham Jindal Walker Perry Webb Chafee O'Malley Lessig Biden Obama \
             Pence Kaine Johnson Stein McMullin Castle Priebus Ryan McConnell Reid Pelosi",
            "",
        ];
        for text in cases {
            assert!(!clearly_english(text), "{text:?}");
            assert_eq!(detect(text), detect_whatlang(text), "{text:?}");
        }
    }

    /// Every text of a corpus directory (where the shared data is checked out): the new
    /// detection agrees with whatlang alone on the first [`super::SAMPLE`] bytes and on each
    /// later 1500-byte window. Returns (texts, windows, windows the English test answered).
    fn agreement(dir: &str) -> Option<(usize, usize, usize)> {
        let dir = std::fs::read_dir(format!(
            "{}/../../../shared/data/{dir}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .ok()?;
        let mut paths: Vec<_> = dir.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        let (mut texts, mut windows, mut fast) = (0, 0, 0);
        for p in &paths {
            let Ok(t) = std::fs::read_to_string(p) else {
                continue;
            };
            texts += 1;
            assert_eq!(detect_whatlang(&t).as_deref(), Some("en"), "{p:?}");
            let mut start = 0;
            while start < t.len() {
                while !t.is_char_boundary(start) {
                    start += 1;
                }
                let w = &t[start..];
                assert_eq!(detect(w), detect_whatlang(w), "{p:?} at byte {start}");
                windows += 1;
                fast += usize::from(clearly_english(super::sample(w)));
                start += super::SAMPLE;
            }
        }
        Some((texts, windows, fast))
    }

    #[test]
    fn agrees_with_whatlang_on_polnear_train() {
        if let Some((texts, windows, fast)) = agreement("polnear/train/text") {
            eprintln!(
                "polnear train: {texts} texts, {windows} windows agree, {fast} by the English test"
            );
            assert!(fast * 10 >= windows * 9, "{fast} of {windows}");
        }
    }

    #[test]
    fn agrees_with_whatlang_on_polnear_dev() {
        if let Some((texts, windows, fast)) = agreement("polnear/dev/text") {
            eprintln!(
                "polnear dev: {texts} texts, {windows} windows agree, {fast} by the English test"
            );
        }
    }

    #[test]
    fn english_mixed_with_another_language_agrees_with_whatlang() {
        let english = [SENTENCES[0].1, SENTENCES[1].1];
        for (lang, foreign) in &SENTENCES[2..9] {
            for n_en in 0..=6 {
                for n_fo in 0..=3 {
                    // English first, foreign first, and interleaved.
                    let mut orders = vec![Vec::new(), Vec::new(), Vec::new()];
                    for k in 0..n_en {
                        orders[0].push(english[k % 2]);
                        orders[1].push(english[k % 2]);
                    }
                    for _ in 0..n_fo {
                        orders[0].push(foreign);
                        orders[1].insert(0, foreign);
                    }
                    for k in 0..n_en.max(n_fo) {
                        if k < n_en {
                            orders[2].push(english[k % 2]);
                        }
                        if k < n_fo {
                            orders[2].push(foreign);
                        }
                    }
                    for parts in &orders {
                        let text = parts.join(" ");
                        assert_eq!(detect(&text), detect_whatlang(&text), "{lang} {text:?}");
                    }
                }
            }
        }
    }

    /// GWSD sentences and SemEval-2016 tweets, one by one and joined into texts of about
    /// [`super::SAMPLE`] bytes: the same language as whatlang alone.
    #[test]
    fn agrees_with_whatlang_on_gwsd_and_semeval_lines() {
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
        let mut lines: Vec<String> = Vec::new();
        if let Ok(t) = std::fs::read_to_string(format!("{data}/gwsd/GWSD.train.tsv")) {
            lines.extend(
                t.lines()
                    .skip(1)
                    .filter_map(|l| l.split('\t').nth(4))
                    .map(String::from),
            );
        }
        for topic in ["abortion", "atheism", "climate", "feminist", "hillary"] {
            for part in ["train", "val"] {
                if let Ok(t) =
                    std::fs::read_to_string(format!("{data}/semeval2016/{topic}/{part}_text.txt"))
                {
                    lines.extend(t.lines().map(String::from));
                }
            }
        }
        let (mut joined, mut fast) = (0, 0);
        let mut text = String::new();
        for line in &lines {
            assert_eq!(detect(line), detect_whatlang(line), "{line:?}");
            text.push_str(line);
            text.push('\n');
            if text.len() >= super::SAMPLE {
                assert_eq!(detect(&text), detect_whatlang(&text), "{text:?}");
                joined += 1;
                fast += usize::from(clearly_english(super::sample(&text)));
                text.clear();
            }
        }
        eprintln!(
            "{} lines, {joined} joined texts agree, {fast} by the English test",
            lines.len()
        );
    }
}
