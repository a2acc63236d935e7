//! Reported speech as PolNeAR draws it: content spans (with `that`), cues beyond `said`, and
//! full source phrases.

use rift_core::{Article, Statement};
use rift_extract::{ExtractConfig, Extractor};

/// The rules alone (the learned tagger off): these tests pin down what each rule does.
fn extract(body: &str) -> Vec<Statement> {
    let text = format!("A headline for the test.\n\n{body}\n");
    let cfg = ExtractConfig {
        learned: false,
        ..ExtractConfig::default()
    };
    Extractor::new(cfg)
        .extract(&Article::new("t", text))
        .statements
}

/// The default extractor, learned tagger included.
fn extract_all(body: &str) -> Vec<Statement> {
    let text = format!("A headline for the test.\n\n{body}\n");
    Extractor::default()
        .extract(&Article::new("t", text))
        .statements
}

fn find<'a>(st: &'a [Statement], content_start: &str) -> &'a Statement {
    st.iter()
        .find(|s| s.text.starts_with(content_start))
        .unwrap_or_else(|| panic!("no statement starting {content_start:?} in {st:#?}"))
}

#[test]
fn content_keeps_that_and_runs_to_the_sentence_end() {
    let st =
        extract("He recalled that the roots of the revolt began during the Tea Party uprising.");
    let s = find(&st, "that the roots");
    assert_eq!(
        s.text,
        "that the roots of the revolt began during the Tea Party uprising"
    );
    assert_eq!(s.source.text, "He");
}

#[test]
fn time_phrase_after_the_cue_is_skipped() {
    let st = extract(
        "Top Republican Party donor Sheldon Adelson said on Friday he met candidate Donald Trump earlier this week.",
    );
    let s = find(&st, "he met");
    assert_eq!(s.source.name.as_deref(), Some("Sheldon Adelson"));
}

#[test]
fn appositive_is_part_of_the_source_span() {
    let st = extract(
        "Mukasey, the Republican attorney general under former President George W. Bush, said the scandal is only the latest issue.",
    );
    let s = find(&st, "the scandal");
    assert!(
        s.source
            .text
            .starts_with("Mukasey, the Republican attorney general"),
        "{:?}",
        s.source.text
    );
    assert_eq!(s.source.name.as_deref(), Some("Mukasey"));
    // a relative clause holding a cue of its own, or a prepositional phrase, is no appositive
    let st = extract(
        "Barkley, who said he typically votes for Democrats, said the race was far from over.",
    );
    assert_eq!(find(&st, "the race").source.text, "Barkley");
    let st = extract("Lazar, in a green jail jumpsuit, said the plea was voluntary.");
    assert_eq!(find(&st, "the plea").source.text, "Lazar");
    // a clause between commas is no appositive: the credit after it is inverted
    let st = extract(
        "In the world of politics, it is highly unusual for a mistake to slip into a speech, \
         said Matt Latimer, another speechwriter.",
    );
    let s = find(&st, "In the world");
    assert_eq!(s.source.text, "Matt Latimer, another speechwriter");
    // `experts like X`: examples of a plural head belong to the source
    let st = extract("The ground itself is the problem, experts like Paul Bauman say.");
    assert_eq!(
        find(&st, "The ground").source.text,
        "experts like Paul Bauman"
    );
    // a head with prepositional modifiers, opening the sentence, is one source phrase
    let st = extract("Supporters of Republican Donald Trump for president said the race was over.");
    assert_eq!(
        find(&st, "the race").source.text,
        "Supporters of Republican Donald Trump for president"
    );
    // … but a sentence-opening adverbial is not part of it
    let st = extract("On the campaign trail, Supporters of Trump said the race was over.");
    assert_eq!(find(&st, "the race").source.text, "Supporters of Trump");
}

#[test]
fn according_to_takes_the_whole_noun_phrase() {
    let st = extract(
        "Including superdelegates, Clinton now has a total of at least 723 delegates, according to a count by The Associated Press.",
    );
    let s = find(&st, "Including superdelegates");
    assert_eq!(s.source.text, "a count by The Associated Press");
}

#[test]
fn a_medial_according_to_credit_followed_by_a_new_clause_ends_the_content() {
    // the clause after the credit is not part of what the tally says
    let st = extract(
        "Trump has 739 delegates, according to a CNN tally, but his pathway to victory is narrowing.",
    );
    let s = find(&st, "Trump has");
    assert_eq!(s.text, "Trump has 739 delegates");
    assert_eq!(s.source.text, "a CNN tally");
    // an appositive after the credit belongs to the source
    let st = extract(
        "The network made $1.6 billion in profit, according to Brian Wieser, an analyst at Pivotal Research Group.",
    );
    let s = find(&st, "The network made");
    assert_eq!(s.text, "The network made $1.6 billion in profit");
    assert_eq!(
        s.source.text,
        "Brian Wieser, an analyst at Pivotal Research Group"
    );
    assert_eq!(s.source.name.as_deref(), Some("Brian Wieser"));
    // a clause split by the credit stays whole
    let st = extract("At the heart of it, according to two aides, was a decision to skip Iowa.");
    let s = find(&st, "At the heart");
    assert_eq!(
        s.text,
        "At the heart of it, according to two aides, was a decision to skip Iowa"
    );
}

#[test]
fn a_passive_cue_takes_its_agent_as_source_or_none() {
    // tagged cues: the passive's subject is what is talked about, not who talks
    let st =
        extract_all("Mr. Sanders has been criticized for his lack of foreign policy experience.");
    // (whether `for` goes with the cue or the content is the tagger's call)
    let s = st
        .iter()
        .find(|s| s.text.contains("his lack"))
        .expect("a statement on his lack of experience");
    assert!(s
        .cue
        .as_ref()
        .unwrap()
        .text
        .starts_with("has been criticized"));
    assert_eq!(s.source.text, "");
    let st =
        extract_all("Sanders was asked by host John Dickerson whether he would stay in the race.");
    let s = find(&st, "whether he would");
    assert_eq!(s.source.text, "host John Dickerson");
    // adverbs inside the passive
    let st = extract_all("The union is widely regarded as a kingmaker in the state.");
    let s = st.iter().find(|s| s.text.contains("a kingmaker")).unwrap();
    assert_eq!(s.source.text, "");
    // a state of mind is not a passive
    let st = extract_all("The Mexican government is worried that the wall will hurt trade.");
    assert_eq!(
        find(&st, "that the wall").source.text,
        "The Mexican government"
    );
}

#[test]
fn fronted_adverbials_and_floating_quantifiers_are_not_subjects() {
    let st = extract("Early in his campaign, Trump attacked Romney, calling him a loser.");
    assert_eq!(find(&st, "him a loser").source.text, "Trump");
    let st = extract("Ultimately, Mr. Yanukovych ignored the advice and refused to sign the deal.");
    assert_eq!(find(&st, "to sign").source.text, "Mr. Yanukovych");
    let st = extract(
        "Last year, he played down the comments and reportedly argued that they were harmless.",
    );
    assert_eq!(find(&st, "that they were").source.text, "he");
    // a subject coordinated with the sentence's opening noun phrase is one source
    let st = extract("Rubio and Bill Nelson have both pushed for more aid to Puerto Rico.");
    assert_eq!(find(&st, "more aid").source.text, "Rubio and Bill Nelson");
    let st = extract("At one point a woman asked for a photo and Clinton said she was happy to.");
    assert_eq!(find(&st, "she was happy").source.text, "Clinton");
    // a name in -ly is a subject
    let st = extract("Kelly, a spokeswoman for the campaign, said the event was canceled.");
    assert!(find(&st, "the event").source.text.starts_with("Kelly"));
}

#[test]
fn a_credit_appositive_keeps_an_age_and_an_evaluation_verb() {
    let st = extract_all(
        "“It is a disaster,” said Ryan Leenders, 30, a member of the machinists union.",
    );
    assert_eq!(
        find(&st, "It is a disaster").source.text,
        "Ryan Leenders, 30, a member of the machinists union"
    );
    // `supporting` inside the appositive is no statement of its own
    let st = extract_all(
        "“He will not win,” said Norm Coleman, the former senator from Minnesota who is supporting Mr. Rubio.",
    );
    assert_eq!(
        find(&st, "He will not win").source.text,
        "Norm Coleman, the former senator from Minnesota who is supporting Mr. Rubio"
    );
    assert!(st.iter().all(|s| s.text != "Mr. Rubio"), "{st:#?}");
    // speech inside the subject's clause is a statement, and cuts the source
    let st =
        extract("Barkley, who said he typically votes democratic, said he would vote for Trump.");
    assert_eq!(find(&st, "he would vote").source.text, "Barkley");
    assert!(st.iter().any(|s| s.text.starts_with("he typically votes")));
}

#[test]
fn seem_to_and_a_cue_verb_is_one_cue_with_a_source() {
    let st = extract("Mr. Cruz seemed to mock the rules of the party.");
    let s = find(&st, "the rules");
    assert_eq!(s.cue.as_ref().unwrap().text, "seemed to mock");
    assert_eq!(s.source.text, "Mr. Cruz");
    // a raising verb before `to have` keeps its split content and no source
    let st = extract("Clinton appeared to have the most to gain.");
    assert_eq!(find(&st, "Clinton appeared").source.text, "");
}

#[test]
fn a_colon_paragraph_credits_the_quote_paragraph_after_it() {
    let st = extract(
        "The Clinton Foundation describes itself in the following way:\n\n“We work to improve global health and to fight poverty in many countries.”",
    );
    assert_eq!(find(&st, "We work").source.text, "The Clinton Foundation");
}

#[test]
fn a_name_before_a_colon_is_a_speaker_label() {
    let st = extract(
        "Rep. Trey Gowdy: “This is a disgrace for the department and for the country and everyone in it.”",
    );
    assert_eq!(
        find(&st, "This is a disgrace").source.text,
        "Rep. Trey Gowdy"
    );
    // a surname alone, as headlines write it, once the full name is known
    let st = extract(
        "Kasich: ‘We Are Going All The Way To Cleveland.’\n\nGov. John Kasich spoke in Ohio on Monday.",
    );
    let s = find(&st, "We Are Going");
    assert_eq!(s.source.text, "Kasich");
    assert_eq!(s.source.name.as_deref(), Some("John Kasich"));
    // a topic before a colon is not
    let st = extract(
        "Iran and negotiations: “This is a disgrace for the department and for the country.”",
    );
    assert!(st.iter().all(|s| s.source.text.is_empty()), "{st:#?}");
}

#[test]
fn as_x_put_it_credits_the_quote() {
    let st = extract("As The Post's Dana Milbank puts it, “The party is over.”");
    let s = find(&st, "The party is over");
    assert_eq!(s.source.text, "The Post's Dana Milbank");
    assert_eq!(s.cue.as_ref().unwrap().text, "puts it");
}

#[test]
fn quantities_and_relative_pronouns_are_sources() {
    let st = extract("About 47 percent said they would vote for Clinton in November.");
    let s = find(&st, "they would vote");
    assert!(s.source.text.ends_with("percent"), "{:?}", s.source.text);
    let st = extract("Among likely voters, 12% of Democrats say they will vote for Trump.");
    assert_eq!(find(&st, "they will vote").source.text, "12% of Democrats");
    // a number with a slash stays in the phrase
    let st = extract(
        "“We will fight this veto in every court of the land for as long as it takes,” said 9/11 widow Terry Strada.",
    );
    assert_eq!(
        find(&st, "We will fight").source.text,
        "9/11 widow Terry Strada"
    );

    let st = extract(
        "The voters in Iowa liked Matt Borges, who predicted that about one-third of the vote will be cast early.",
    );
    let s = find(&st, "that about one-third");
    assert_eq!(s.source.text, "who");
    assert_eq!(s.source.name.as_deref(), Some("Matt Borges"));
}

#[test]
fn evaluation_verbs_take_an_object_up_to_the_comma() {
    let st = extract(
        "Senator Lindsey Graham criticized Clinton’s email use, which investigators examined.",
    );
    let s = find(&st, "Clinton’s email use");
    assert_eq!(s.text, "Clinton’s email use");
    assert_eq!(s.cue.as_ref().unwrap().text, "criticized");
}

#[test]
fn content_stops_before_a_contrast_the_writer_adds() {
    let st =
        extract("The mayor said the bridge would reopen in May, but the work was delayed again.");
    let s = find(&st, "the bridge");
    assert_eq!(s.text, "the bridge would reopen in May");
    // A new clause with a cue of its own after a comma is another attribution.
    let st = extract(
        "A new study says there are 2,400 billionaires in the world, the magazine says there are about 1,800.",
    );
    let s = find(&st, "there are 2,400");
    assert_eq!(s.text, "there are 2,400 billionaires in the world");
    let s = find(&st, "there are about");
    assert_eq!(s.source.text, "the magazine");
    let st =
        extract("In the new poll, voters say they back the plan, compared with 30 percent in May.");
    let s = find(&st, "they back");
    assert_eq!(s.text, "they back the plan");
    // A cue in a fronted subordinate clause reports up to the clause's comma.
    let st = extract("While Mr. Ryan wrote that the bill would pass, others disagreed.");
    let s = find(&st, "that the bill");
    assert_eq!(s.text, "that the bill would pass");
    assert_eq!(s.source.text, "Mr. Ryan");
    // So does a cue in a relative clause set off by commas.
    let st =
        extract("The senator, who argued that the deal was flawed, voted against it on Monday.");
    let s = find(&st, "that the deal");
    assert_eq!(s.text, "that the deal was flawed");
    assert_eq!(s.source.text, "who");
    // Inside a quote the contrast is the speaker's.
    let st = extract("The mayor said the bridge was “safe, but old” and would reopen.");
    let s = find(&st, "the bridge");
    assert_eq!(s.text, "the bridge was “safe, but old” and would reopen");
}

#[test]
fn a_title_in_a_fronted_phrase_is_not_credited_by_the_main_clause() {
    let st = extract(
        "In an interview on his podcast \"The Axe Files\" out Thursday, Mary Kay Henry said her union is going into hyperdrive.",
    );
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].text, "her union is going into hyperdrive");
    assert_eq!(st[0].source.text, "Mary Kay Henry");
}

#[test]
fn asked_takes_an_embedded_question_or_its_topic_after_the_addressee() {
    let st = extract("The reporter asked her which candidate she would back in the election.");
    let s = find(&st, "which candidate");
    assert_eq!(s.text, "which candidate she would back in the election");
    assert_eq!(s.source.text, "The reporter");
    let st = extract(
        "Radio host Hugh Hewitt asked Trump about statements he had made the night before.",
    );
    let s = find(&st, "about statements");
    assert_eq!(s.text, "about statements he had made the night before");
    assert_eq!(s.source.text, "Radio host Hugh Hewitt");
}

#[test]
fn the_subject_of_a_passive_cue_is_not_its_source() {
    // A sentence-opening conjunction is not part of the source.
    let st = extract_all("But it indicates that the party is split.");
    let s = find(&st, "that the party");
    assert_eq!(s.source.text, "it");
    let st = extract("It should be noted that two of the researchers were hired in August.");
    let s = find(&st, "that two of the researchers");
    assert_eq!(s.source.text, "", "{s:#?}");
}

#[test]
fn quotes_inside_a_mixed_content_are_part_of_it() {
    // A scare quote later in the clause neither ends it nor becomes a statement of its own.
    let st = extract_all(
        "Kaine declared that \"I strongly support\" the state's anti-union and misnamed \"right to work\" law.",
    );
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(
        st[0].text,
        "that \"I strongly support\" the state's anti-union and misnamed \"right to work\" law"
    );
    // A statement nested in another's content, cue and all, is part of it.
    let st = extract_all(
        "In fact, neither Trump nor Clinton’s tax plans would change much of what the middle class pays, analysts say.",
    );
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].source.text, "analysts");
    // A quote whose would-be credit lies inside another statement's content is nested in it.
    let st = extract_all(
        "The employee said he had an \"Oh, no\" moment and deleted a Hillary Clinton email archive using a program called BleachBit.",
    );
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].source.text, "The employee");
}

#[test]
fn an_object_ends_where_a_conjoined_predicate_starts() {
    let st = extract(
        "Perez hammered Trump, calling him a \"train wreck\" and contrasted the Republican candidate with Clinton.",
    );
    let s = find(&st, "him a");
    assert_eq!(s.text, "him a \"train wreck\"");
    assert_eq!(s.cue.as_ref().unwrap().text, "calling");
    assert_eq!(s.source.text, "Perez");
    // A coordinated object is still one object.
    let st = extract("Senator Graham criticized Clinton and her aides for the delay.");
    let s = find(&st, "Clinton and her aides");
    assert_eq!(s.text, "Clinton and her aides for the delay");
    // A list and a place set off by commas stay in the object; a relative clause does not.
    let st = extract("The governor praised their youth, charisma and energy, which impressed him.");
    let s = find(&st, "their youth");
    assert_eq!(s.text, "their youth, charisma and energy");
    let st =
        extract("The senator criticized the water crisis in Flint, Michigan, which is unsolved.");
    let s = find(&st, "the water crisis");
    assert_eq!(s.text, "the water crisis in Flint, Michigan");
}

#[test]
fn weak_cues_need_a_clause_and_object_cues_are_not_quote_credits() {
    // `knows` + a noun without a clause is not an attribution.
    let st = extract("Everybody knows Mary well and likes her very much.");
    assert!(st.is_empty(), "{st:#?}");
    // A quote after an evaluation verb is not credited by it.
    let st =
        extract("The senator praised “the brave men and women of our armed forces” on Monday.");
    assert!(
        st.iter()
            .all(|s| s.cue.as_ref().is_none_or(|c| c.text != "praised")
                || s.kind != rift_core::StatementKind::Direct),
        "{st:#?}"
    );
}

#[test]
fn headline_colon_credits_the_title() {
    let text = "Former AG Mukasey at RNC: Clinton email scandal disqualifies her for presidency.\n\nDelegates listened.\n";
    let st = Extractor::default()
        .extract(&Article::new("t", text))
        .statements;
    let s = find(&st, "Clinton email scandal");
    assert_eq!(
        s.text,
        "Clinton email scandal disqualifies her for presidency"
    );
    assert_eq!(s.source.text, "Former AG Mukasey at RNC");
    // A lone first name is a speaker when the article names the person in full.
    let text = "Hillary: Benghazi victim's mother absolutely wrong to call me a liar.\n\n\
                Hillary Clinton answered the question on Sunday.\n";
    let st = Extractor::default()
        .extract(&Article::new("t", text))
        .statements;
    assert_eq!(find(&st, "Benghazi victim").source.text, "Hillary");
    // A label is not a speaker.
    let text = "The Latest: Cruz to give away engraved shotgun today.\n\nMore later.\n";
    let st = Extractor::default()
        .extract(&Article::new("t", text))
        .statements;
    assert!(st.is_empty(), "{st:#?}");
    // A topic or a place before the colon is not a speaker.
    for text in [
        "Iran and negotiations: Poison or Cure for the regime?\n\nMore later.\n",
        "Iran: Poison or cure for the regime?\n\nMore later.\n",
    ] {
        let st = Extractor::default()
            .extract(&Article::new("t", text))
            .statements;
        assert!(st.is_empty(), "{st:#?}");
    }
    // A surname the article uses for a person is.
    let text = "Mukasey: Clinton email scandal disqualifies her.\n\nMichael Mukasey spoke.\n";
    let st = Extractor::default()
        .extract(&Article::new("t", text))
        .statements;
    assert_eq!(find(&st, "Clinton email").source.text, "Mukasey");
}

#[test]
fn a_quote_inside_a_longer_clause_is_mixed_content() {
    let st = extract(
        "Obama said “it gets me mad” every time he thinks about the first-graders who were killed.",
    );
    let s = find(&st, "“it gets me mad”");
    assert!(s.text.ends_with("who were killed"), "{:?}", s.text);
    assert_eq!(s.source.text, "Obama");
}

#[test]
fn a_conjoined_cue_takes_the_sentence_subject() {
    let st = extract(
        "Graham called both Trump and Clinton “crazy” and said the Republican party is bound to lose.",
    );
    let s = find(&st, "the Republican party");
    assert_eq!(s.source.text, "Graham");
}

#[test]
fn raising_verbs_have_split_content_and_no_source() {
    let st = extract("Clinton appeared to have the most to gain from the debate.");
    let s = find(&st, "Clinton appeared");
    assert_eq!(s.cue.as_ref().unwrap().text, "appeared");
    assert!(s.source.span.is_none(), "{s:#?}");
    let st = extract("The event, which is expected to draw 50,000 delegates, opens today.");
    assert!(
        st.iter()
            .any(|s| s.text.starts_with("which is expected to draw")),
        "{st:#?}"
    );
    let st = extract("It seems Trump’s campaign will go on without the support of many companies.");
    find(&st, "Trump’s campaign will go on");
}

#[test]
fn questions_medial_credits_and_naming() {
    let st = extract(
        "Asked by Starnes if he believed the situation was as bad, Carson said that he did not.",
    );
    let q = find(&st, "if he believed");
    assert_eq!(q.source.text, "Starnes");
    find(&st, "that he did not");
    let st = extract(
        "Ryan and Trump will meet sometime next week, Spicer said, adding that it was time.",
    );
    assert_eq!(find(&st, "Ryan and Trump will meet").source.text, "Spicer");
    let st = extract("Beck called Palin a clown on his radio show.");
    assert_eq!(find(&st, "Palin a clown").source.text, "Beck");
    let st = extract("The meeting was called to order by the chairman of the committee.");
    assert!(st.is_empty(), "{st:#?}");
}

#[test]
fn transcript_labels_and_doubled_apostrophe_quotes() {
    let st = extract("TAPPER: How do you think he will be able to be a racial healer?");
    assert_eq!(find(&st, "How do you think").source.text, "TAPPER");
    // A transcript quoted paragraph by paragraph: each label credits its turn, a turn goes on
    // over the next quote-opened paragraphs, and no quote swallows the labels.
    let st = extract(
        "Partial transcript as follows:\n\n\"WALLACE: Let us start with the debate story \
         today.\n\n\"PENCE: Well, look, she thinks this is an episode of a show.\n\n\"But the \
         truth is that he has a unique way of talking.\n\n\"WALLACE: Do you really see those \
         two as equivalent?",
    );
    assert_eq!(st.len(), 4, "{st:#?}");
    assert_eq!(find(&st, "Let us start").source.text, "WALLACE");
    assert_eq!(find(&st, "Well, look").source.text, "PENCE");
    let go_on = find(&st, "But the truth");
    assert_eq!(go_on.source.text, "PENCE");
    assert!(go_on.cue.is_none(), "{go_on:#?}");
    assert_eq!(find(&st, "Do you really").source.text, "WALLACE");
    // a roster after a label is no turn
    let st = extract(
        "Iowa Insiders: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink, Bonnie Campbell.",
    );
    assert!(st.is_empty(), "{st:#?}");
    let st = extract("Editor's Note: An article on Monday about the shooting was wrong.");
    assert!(st.is_empty(), "{st:#?}");
    let st = extract("''We're looking for our future partners,'' Mr. Pruzan said.");
    let s = find(&st, "We're looking");
    assert_eq!(s.kind, rift_core::StatementKind::Direct);
    assert_eq!(s.source.text, "Mr. Pruzan");
}

#[test]
fn a_quote_credited_after_it_finishes_the_clause_before_it() {
    let st = extract(
        "However laudable the goal, using the tax ''is a misguided approach,'' said Mr. Burman.",
    );
    let s = find(&st, "However laudable");
    assert!(s.text.ends_with("misguided approach,''"), "{:?}", s.text);
    assert_eq!(s.source.text, "Mr. Burman");
    // a phrase ending in a comma before the mark is no clause to finish
    let st = extract("Speaking on Monday in Ohio, ''We will win the state,'' said Mr. Burman.");
    let s = find(&st, "We will win");
    assert_eq!(s.source.text, "Mr. Burman");
    assert_eq!(s.kind, rift_core::StatementKind::Direct);
}

#[test]
fn a_short_sentence_after_a_closed_quote_credits_it() {
    // The sentence ends inside the marks; the credit is a sentence of its own.
    let st = extract("“We are going to win this state by a lot.” Trump said.");
    let s = find(&st, "We are going");
    assert_eq!(s.source.text, "Trump");
    assert_eq!(s.cue.as_ref().unwrap().text, "said");
    let st = extract("“Is it two? Three?” Clinton asks the crowd on Monday.");
    assert_eq!(find(&st, "Is it two").source.text, "Clinton");
    // `It` before a speech verb is the organisation just named; `one employee` a source
    let st = extract("“We want no part in the listing on our website at all,” the company wrote. It added, “We will not sell it to anyone.”");
    assert_eq!(find(&st, "We will not").source.text, "It");
    let st = extract("As one employee told the Weekly, “She wants to put fear in our hearts.”");
    assert_eq!(find(&st, "She wants").source.text, "one employee");
    // a content's leading `of` goes to the cue
    let st = extract_all("Cruz has repeatedly spoken of the need for a wall.");
    let s = find(&st, "the need");
    assert!(s.cue.as_ref().unwrap().text.ends_with("of"), "{s:#?}");
    // a participle's subject ends at the main verb
    let st = extract(
        "Each faction projected its own worldview onto Obama, believing he would pursue its vision.",
    );
    assert_eq!(find(&st, "he would").source.text, "Each faction");
    // a plural noun after a determiner is no cue, not even a phrasal one's first word
    let st = extract("Some advocates for stem cell research say the ban is wrong.");
    assert_eq!(
        find(&st, "the ban").source.text,
        "Some advocates for stem cell research"
    );
    // a one-word utterance is a quote; a one-word scare quote is not
    let st = extract("“Quiet,” he demanded.");
    assert_eq!(find(&st, "Quiet").source.text, "he");
    let st = extract("Trump called the system “rigged” on Monday in Ohio.");
    assert!(st.iter().all(|s| s.text != "rigged"), "{st:#?}");
    // … but a sentence that says more is not a credit
    let st = extract(
        "“We are going to win this state by a lot.” Trump said the polls in the north of \
         the state were wrong about it.",
    );
    assert!(find(&st, "We are going").source.span.is_none(), "{st:#?}");
}

#[test]
fn short_dash_credited_quotes_are_body_text() {
    // Short lines that end in a name are not headings when a quote is credited by a dash
    // (em dash, en dash or horizontal bar).
    let st = extract(
        "“We can build a big wall around him.” ― Jose Ruiz\n“He does not answer to anyone.” \
         – Mary Lopez, a voter\n\nThe end of the story is here.",
    );
    assert_eq!(find(&st, "We can build").source.text, "Jose Ruiz");
    assert_eq!(find(&st, "He does not answer").source.text, "Mary Lopez");
    // a dash credit ends a turn: the next paragraph's uncredited quote is not a continuation
    let st = extract(
        "“We can build a big wall around him.” ― Jose Ruiz\n“And that is all he has to say \
         about it.”\n\nThe end of the story is here.",
    );
    assert!(
        st.iter()
            .all(|s| s.source.text != "Jose Ruiz" || s.text.starts_with("We can")),
        "{st:#?}"
    );
    // a middle initial is part of a person's name
    let st = extract("“We are afraid of him.” ― Julie A. Diaz Martinez\n\nThe end of it.");
    let s = find(&st, "We are afraid");
    assert_eq!(s.source.text, "Julie A. Diaz Martinez");
    assert_eq!(s.source.kind, rift_core::SourceType::Person);
}

#[test]
fn progressives_infinitives_and_phrasal_cues() {
    // A progressive is a finite cue whose subject stands before the auxiliary.
    let st = extract("Vermont Sen. Bernie Sanders is pledging to take his campaign to the floor.");
    let s = find(&st, "to take his campaign");
    assert_eq!(
        s.source.name.as_deref(),
        Some("Vermont Sen. Bernie Sanders")
    );
    let st = extract("Hillary Clinton has been criticizing Donald Trump for embracing debt.");
    assert_eq!(
        find(&st, "Donald Trump").cue.as_ref().unwrap().text,
        "criticizing"
    );
    // A speech verb in an infinitive takes the sentence's subject.
    let st = extract("Sexton was quick to point out that not all supporters espoused such views.");
    assert_eq!(find(&st, "that not all").source.text, "Sexton");
    // ... but not a dummy subject.
    let st = extract("It is hard to say that the plan will work.");
    assert!(st.is_empty(), "{st:#?}");
    // Phrasal cues come in every inflection.
    let st = extract("Senator Warren voted against the bill in 2015.");
    let s = find(&st, "the bill");
    assert_eq!(s.cue.as_ref().unwrap().text, "voted against");
    let st = extract("The governor is distancing herself from the party's nominee.");
    assert_eq!(
        find(&st, "the party").cue.as_ref().unwrap().text,
        "distancing herself from"
    );
}

#[test]
fn colon_lead_ins_and_relative_clause_cues() {
    // A quote opening a paragraph takes the credit that ends the paragraph before with a colon.
    let st = extract(
        "In a 1963 speech, Governor George Wallace declared:\n\n“It is very appropriate that we sound the drum for freedom today.”",
    );
    let s = find(&st, "It is very appropriate");
    assert_eq!(s.source.name.as_deref(), Some("George Wallace"));
    // A colon lead-in with no cue word credits the sentence's subject.
    let st = extract(
        "One early supporter, Representative Lee Zeldin, gave the technique a whirl on CNN: “You can easily argue that the policies are wrong.”",
    );
    let s = find(&st, "You can easily argue");
    assert!(
        s.source.text.starts_with("One early supporter"),
        "{:?}",
        s.source
    );
    // `X, who says A, said B`: two attributions, the second credited to X.
    let st = extract(
        "Cruz, who says Trump is attacking him because the polls have tightened, said GOP voters should go with him.",
    );
    assert_eq!(
        find(&st, "Trump is attacking").text,
        "Trump is attacking him because the polls have tightened"
    );
    assert_eq!(find(&st, "GOP voters").source.name.as_deref(), Some("Cruz"));
}

#[test]
fn the_learned_tagger_adds_what_the_rules_miss_and_can_be_turned_off() {
    let body = "Trump has raised questions about Obama’s birthplace and religion.\n\n\
                Senator Sanders has long opposed the trade deal with Asian nations.";
    let text = format!("A headline for the test.\n\n{body}\n");
    let article = Article::new("t", text);
    let rules = Extractor::new(ExtractConfig {
        learned: false,
        ..ExtractConfig::default()
    })
    .extract(&article)
    .statements;
    let all = Extractor::default().extract(&article).statements;
    assert!(all.len() > rules.len(), "{all:#?}");
    let s = find(&all, "the trade deal");
    assert_eq!(s.source.name.as_deref(), Some("Sanders"));
    assert!(s.cue.as_ref().unwrap().text.ends_with("opposed"));
    // A sentence with no attribution stays empty.
    let st = Extractor::default()
        .extract(&Article::new(
            "t",
            "A headline.\n\nThe weather was cold and the roads were icy on Tuesday.\n".to_string(),
        ))
        .statements;
    assert!(st.is_empty(), "{st:#?}");
}

#[test]
fn a_function_word_is_never_a_source() {
    for s in extract_all(
        "Despite challenging the trustworthiness of the majority leader, Cruz said if elected \
         president he could work with the leadership.",
    ) {
        assert!(
            !matches!(s.source.text.as_str(), "Despite" | "In" | "and"),
            "{s:#?}"
        );
    }
}

#[test]
fn an_adverbial_participle_clause_is_its_own_statement() {
    let st =
        extract("Despite challenging the leader, Cruz said he could work with the leadership.");
    let a = find(&st, "the leader");
    assert_eq!(a.text, "the leader");
    assert_eq!(a.source.text, "Cruz");
    assert_eq!(find(&st, "he could").source.text, "Cruz");
}

#[test]
fn places_are_not_person_names() {
    let st = extract("Sen. Chuck Schumer of New York said the bill would pass this week.");
    assert_eq!(
        find(&st, "the bill").source.name.as_deref(),
        Some("Chuck Schumer")
    );
    // a pronoun does not resolve to the place named last
    let st = extract(
        "Senator Bernie Sanders spoke for an hour. After New Hampshire, he said the race was \
         far from over.",
    );
    assert_eq!(
        find(&st, "the race").source.name.as_deref(),
        Some("Bernie Sanders")
    );
    // an organisation named after its place keeps it
    let st = extract("A poll by the University of Michigan found that voters were angry.");
    assert_eq!(
        find(&st, "that voters").source.name.as_deref(),
        Some("University of Michigan")
    );
}

#[test]
fn an_age_as_a_noun_is_a_person_source() {
    let st = extract("“What if Donald Trump had elocution lessons?” the 43-year-old asked in the video’s description.");
    let s = find(&st, "What if Donald Trump");
    assert_eq!(s.kind, rift_core::StatementKind::Direct);
    assert_eq!(s.source.text, "the 43-year-old");
    assert_eq!(s.source.kind, rift_core::SourceType::Person);
}

#[test]
fn a_contraction_does_not_make_a_quote_a_title() {
    // `It’s` is a short word: the quote is speech, not the name of a work in title case
    let st = extract("“It’s not new in Virginia,” said Rep. Bobby Scott.");
    let s = find(&st, "It’s not new");
    assert_eq!(s.kind, rift_core::StatementKind::Direct);
    assert_eq!(s.source.text, "Rep. Bobby Scott");
    // a name of a show still is one
    let st = extract("He appeared on “Generations with Kevin Swanson” last year.");
    assert!(
        st.iter().all(|s| !s.text.contains("Generations")),
        "{st:#?}"
    );
}

#[test]
fn a_place_after_a_medial_cue_keeps_the_content_before_it() {
    let st = extract(
        "Trump’s excesses are sickening, Hollande said Tuesday in Paris, noting the nominee makes you want to retch.",
    );
    let s = find(&st, "Trump’s excesses");
    assert_eq!(s.cue.as_ref().unwrap().text, "said");
    assert_eq!(s.source.text, "Hollande");
    assert_eq!(
        find(&st, "the nominee makes").cue.as_ref().unwrap().text,
        "noting"
    );
}

#[test]
fn the_speakers_next_act_ends_the_content() {
    let st = extract(
        "Rubio said the real extremist on abortion is Hillary Clinton, and he railed against the debate moderators.",
    );
    assert_eq!(
        find(&st, "the real extremist").text,
        "the real extremist on abortion is Hillary Clinton"
    );
}

#[test]
fn a_new_attribution_after_though_ends_the_content_past_a_title_dot() {
    let st = extract(
        "Other candidates have followed his lead, saying his history is a legitimate criticism, though Mrs. Fiorina said she doubted voters would care.",
    );
    assert_eq!(
        find(&st, "his history").text,
        "his history is a legitimate criticism"
    );
    let s = find(&st, "she doubted");
    assert_eq!(s.text, "she doubted voters would care");
    assert_eq!(s.source.text, "Mrs. Fiorina");
}

#[test]
fn a_quote_after_a_conjoined_cue_is_the_sentence_subjects() {
    let st = extract(
        "Hayek confirmed she had been and said, “America has a very severe problem with discrimination.”",
    );
    let s = find(&st, "America has");
    assert_eq!(s.cue.as_ref().unwrap().text, "said");
    assert_eq!(s.source.text, "Hayek");
}

#[test]
fn a_phrasal_cue_before_a_quote_is_the_whole_phrase() {
    let st = extract("The report goes on to say: “The system was never secure.”");
    let s = find(&st, "The system was never secure");
    assert_eq!(s.cue.as_ref().unwrap().text, "goes on to say");
    assert_eq!(s.source.text, "The report");
}

#[test]
fn a_quote_after_but_and_a_cue_is_the_sentence_subjects() {
    let st = extract(
        "Carson did not mention his rivals by name, but told his supporters, “Our nation is in horrible trouble.”",
    );
    let s = find(&st, "Our nation");
    assert_eq!(s.cue.as_ref().unwrap().text, "told");
    assert_eq!(s.source.text, "Carson");
}

#[test]
fn a_that_after_a_long_adjunct_starts_the_content() {
    let st = extract(
        "Cruz said Thursday during taping of a town hall in Buffalo, New York, that states can pass such laws.",
    );
    let s = find(&st, "that states can pass");
    assert_eq!(s.text, "that states can pass such laws");
    assert_eq!(s.source.text, "Cruz");
}

#[test]
fn that_said_is_a_discourse_marker_not_a_cue() {
    let st = extract("That said, she also noted that the campaign was in trouble.");
    let s = find(&st, "that the campaign");
    assert_eq!(s.cue.as_ref().unwrap().text, "noted");
    assert_eq!(s.source.text, "she");
    assert_eq!(st.len(), 1, "{st:#?}");
}

#[test]
fn a_participle_in_a_fronted_phrase_is_not_the_verb() {
    let st = extract(
        "In a video posted to her Facebook account, she criticized Singer for his donations.",
    );
    assert!(st.iter().all(|s| s.source.text != "a video"), "{st:#?}");
}

#[test]
fn a_trailing_credit_is_not_the_content_of_the_cue_before_it() {
    let st = extract("Obama said at a press conference, according to the Las Vegas Sun.");
    assert!(
        st.iter().all(|s| !s.text.starts_with("according to")),
        "{st:#?}"
    );
}

#[test]
fn called_after_a_noun_names_rather_than_speaks() {
    let st = extract("He founded a group called Black Votes Matter in the spring.");
    assert!(st.is_empty(), "{st:#?}");
    let st = extract("Trump called Haley “very weak on immigration.”");
    assert_eq!(st.len(), 1, "{st:#?}");
}

#[test]
fn a_named_speaker_after_an_inverted_cue_wins_over_a_subject_like_phrase() {
    let st = extract(
        "Even as the campaign moves to New York, a state that she hoped to carry by a large margin, the race will be tight, said Dan Gerstein, an independent political analyst.",
    );
    let s = st
        .iter()
        .find(|s| s.source.text.starts_with("Dan Gerstein"))
        .unwrap_or_else(|| panic!("{st:#?}"));
    assert!(s.text.ends_with("the race will be tight"), "{}", s.text);
}

#[test]
fn a_party_and_state_tag_after_a_quote_keeps_the_speaker() {
    let st = extract(
        "“So let me make it perfectly clear,” Senate Majority Leader Mitch McConnell, R-Ky., said. “That is not the view of Republicans.”",
    );
    let s = find(&st, "So let me");
    assert!(
        s.source
            .text
            .starts_with("Senate Majority Leader Mitch McConnell, R-Ky"),
        "{:?}",
        s.source
    );
    assert_eq!(s.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
}

#[test]
fn the_tagger_reads_a_sentence_whose_only_cue_is_outside_the_lexicon() {
    // `criticism`, `lauded` and `sounded` are no lexicon words (class 0; `criticism` is only a
    // nominal cue before `that` / `to`); in PolNeAR train they are often cues
    for (body, content) in [
        ("His criticism of the deal was sharp.", "the deal"),
        (
            "Obama lauded the agreement as a historic step.",
            "the agreement",
        ),
        (
            "Sanders sounded confident about his chances.",
            "his chances",
        ),
    ] {
        assert!(extract(body).is_empty(), "the rules find {body:?}");
        let st = extract_all(body);
        find(&st, content);
    }
}

#[test]
fn stated_credits_a_quote_though_state_is_a_weak_cue() {
    let st = extract("The mayor stated, “We will fix the roads before winter.”");
    let s = find(&st, "We will fix");
    assert_eq!(s.source.text, "The mayor");
    assert_eq!(s.cue.as_ref().map(|c| c.text.as_str()), Some("stated"));
}

#[test]
fn another_tagger_model_replaces_the_built_in_one() {
    // a sentence only the tagger finds something in (no rule cue)
    let text =
        "A headline for the test.\n\nThe governor has long backed the plan to widen the highway.\n";
    let article = Article::new("t", text.to_string());
    let rules = Extractor::new(ExtractConfig {
        learned: false,
        ..Default::default()
    })
    .extract(&article)
    .statements;
    let builtin = Extractor::default().extract(&article).statements;
    assert!(builtin.len() > rules.len(), "{builtin:#?}");
    // an untrained model (all weights zero) tags nothing, so only the rules' statements remain
    let blank = rift_extract::Trainer::new(4, 3).finish();
    let bytes = blank.to_bytes();
    let model = rift_extract::TaggerModel::from_bytes(&bytes).unwrap();
    let own = Extractor::default()
        .with_tagger(model)
        .extract(&article)
        .statements;
    assert_eq!(own.len(), rules.len(), "{own:#?}");
}

#[test]
fn a_quote_after_a_relative_clause_with_its_own_cue_is_no_continuation() {
    // `who thinks` credits the second quote; it does not go on with Ervin's first one
    let st = extract(
        "“People are angry,” said Jason Ervin, who thinks Emanuel and his staff “need to be \
         more collaborative.”",
    );
    let s = find(&st, "People are angry");
    assert_eq!(s.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
    assert!(
        !st.iter()
            .any(|s| s.text.starts_with("need to be") && s.cue.is_none()),
        "{st:#?}"
    );
}

#[test]
fn reported_speech_ending_inside_a_quote_runs_to_its_close() {
    // the sentence ends inside the marks; the mixed content goes on to the closing one
    let st = extract(
        "Benjamin said the plan “may be some kind of trick. But most are pretty confident.”",
    );
    let s = find(&st, "the plan");
    assert_eq!(
        s.text,
        "the plan “may be some kind of trick. But most are pretty confident.”"
    );
    assert_eq!(s.source.text, "Benjamin");
    assert_eq!(st.len(), 1, "{st:#?}");
}

#[test]
fn a_tagged_statement_takes_the_uncredited_quote_it_contains() {
    // no rule credits a quote with `believes` (a weak cue); the tagger's mixed statement
    // replaces the rules' uncredited quote
    let body = "Benjamin believes “there may be some generals who are beating their chest.”";
    let rules = extract(body);
    assert!(rules.iter().all(|s| s.cue.is_none()), "{rules:#?}");
    let st = extract_all(body);
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(
        st[0].cue.as_ref().map(|c| c.text.as_str()),
        Some("believes")
    );
    assert_eq!(st[0].source.text, "Benjamin");
}

#[test]
fn a_short_adjunct_phrase_after_a_cue_is_no_content() {
    // what the tagger reads as content here is when and where, not what was said
    for body in [
        "Clinton conceded when polls closed at 8 p.m. in Vermont.",
        "Clinton celebrated in Florida with supporters on Tuesday night.",
        "Patrick Howley, writing on Breitbart, shared those sentiments.",
    ] {
        let st = extract_all(body);
        assert!(st.is_empty(), "{body}: {st:#?}");
    }
    // real content of the same length stays
    let st = extract_all("Clinton said the polls would close at 8 p.m. in Vermont.");
    let s = find(&st, "the polls would close");
    assert_eq!(s.source.text, "Clinton");
}

#[test]
fn a_short_cue_sentence_credits_the_quote_that_follows_it() {
    let st = extract(
        "Iowa State University’s Dianne Bystrom agreed. “Mainstream Republicans are running out \
         of time to find an alternative.”",
    );
    let s = find(&st, "Mainstream Republicans");
    assert_eq!(s.cue.as_ref().map(|c| c.text.as_str()), Some("agreed"));
    assert_eq!(s.source.text, "Iowa State University’s Dianne Bystrom");
    // a sentence that is no credit (`The crowd grew.`) leaves the quote uncredited
    let st = extract("The crowd grew quiet. “Mainstream Republicans are running out of time.”");
    assert!(st.iter().all(|s| s.cue.is_none()), "{st:#?}");
}

#[test]
fn a_discourse_connective_is_not_content() {
    let st = extract(
        "Nevertheless, his comments did not rankle the team owner, according to two people \
         close to him.",
    );
    let s = find(&st, "his comments");
    assert_eq!(s.text, "his comments did not rankle the team owner");
    let st = extract("Nationally, however, his rating has fallen, a poll found.");
    assert!(
        st.iter().all(|s| !s.text.starts_with("Nationally")),
        "{st:#?}"
    );
}

#[test]
fn a_fronted_in_a_poll_phrase_is_the_source() {
    let st = extract(
        "In a CNN national poll released Sunday, Clinton held a 24-point lead over Obama among \
         black voters.",
    );
    let s = find(&st, "Clinton held");
    assert_eq!(
        s.text,
        "Clinton held a 24-point lead over Obama among black voters"
    );
    assert_eq!(s.source.text, "a CNN national poll released Sunday");
    assert_eq!(s.cue.as_ref().map(|c| c.text.as_str()), Some("In"));
    // a clause with a cue of its own is that cue's; a medial `in the polls` is no source
    let st = extract("In a report to Congress, the agency said the program had failed.");
    assert!(
        st.iter().all(|s| s.cue.as_ref().unwrap().text != "In"),
        "{st:#?}"
    );
    let st = extract("Sanders has led in the polls, and his lead keeps growing.");
    assert!(st.is_empty(), "{st:#?}");
}
