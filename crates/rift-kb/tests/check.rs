//! `check()` on a deliberately broken project written to a temp dir, and load errors.

use std::path::Path;

use rift_kb::{check, KbError, Project, Severity};

const BROKEN_KB: &str = r#"# line 1
[[faction]]
id = "hardline"
name = "Hardliners"
reference = "nobody"
note = "test"

[[faction]]
id = "moderate"
name = "Moderates"

[[faction]]
id = "irgc"
name = "IRGC media"
parent = "ghost"
note = "test"

[[actor]]
id = "a1"
name = "Ali One"
aliases = ["The Chief"]
note = "test"
[[actor.roles]]
title = "minister"
from = 2015-01-01
to = 2014-01-01

[[actor]]
id = "a2"
name = "Bob Two"
aliases = ["the chief"]
note = "test"

[[actor]]
id = "a1"
name = "Ali Again"
note = "test"

[[outlet]]
id = "o1"
name = "Daily One"

[[tie]]
actor = "a2"
faction = "hardline"
from = 2010-01-01
to = 2016-12-31
note = "test"

[[tie]]
actor = "a2"
faction = "moderate"
from = "2016-01-01"
note = "test"

[[tie]]
outlet = "nope"
faction = "hardline"
note = "test"

[[tie]]
actor = "a1"
faction = "centrist"
from = 2020-01-01
to = 2019-01-01
"#;

const BROKEN_ISSUES: &str = r#"
[[issue]]
id = "talks"
question = "Talk?"
terms = ["talk*"]
reference = "ghost-leader"
"#;

#[test]
fn broken_kb_gives_each_expected_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kb.toml"), BROKEN_KB).unwrap();
    std::fs::write(dir.path().join("issues.toml"), BROKEN_ISSUES).unwrap();
    let p = Project::load(dir.path()).unwrap();
    let diags = check(&p);
    let kb = dir.path().join("kb.toml");
    let issues = dir.path().join("issues.toml");
    let got: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    let at = |f: &Path, line: usize, sev: &str, msg: &str| {
        format!("{}:{line}: {sev}: {msg}", f.display())
    };
    let want = vec![
        at(&kb, 2, "error", "faction `hardline`: unknown reference actor `nobody`"),
        at(&kb, 8, "warning", "faction `moderate` has no note"),
        at(&kb, 12, "error", "faction `irgc`: unknown parent faction `ghost`"),
        at(
            &kb,
            18,
            "error",
            "actor `a1`: role `minister` ends (2014-01-01) before it starts (2015-01-01)",
        ),
        at(
            &kb,
            28,
            "warning",
            "alias `the chief` is claimed by actor `a1` (line 18) and actor `a2`; it will not be resolved",
        ),
        at(&kb, 34, "error", "duplicate actor id `a1` (first defined at {KB}:18)")
            .replace("{KB}", &kb.display().to_string()),
        at(&kb, 39, "warning", "outlet `o1` has no note"),
        at(
            &kb,
            50,
            "warning",
            "actor `a2` is tied to both `hardline` (2010-01-01..2016-12-31, line 43) and `moderate` (2016-01-01..?) over overlapping periods",
        ),
        at(&kb, 56, "error", "tie: unknown outlet `nope`"),
        at(&kb, 61, "error", "tie: unknown faction `centrist`"),
        at(
            &kb,
            61,
            "error",
            "tie of actor `a1` to `centrist` ends (2019-01-01) before it starts (2020-01-01)",
        ),
        at(&kb, 61, "warning", "tie of actor `a1` to `centrist` has no note"),
        at(&issues, 2, "error", "issue `talks`: unknown reference actor `ghost-leader`"),
    ];
    assert_eq!(got, want, "\n{}", got.join("\n"));
    assert_eq!(
        diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count(),
        8
    );
}

#[test]
fn ties_of_a_subject_to_a_faction_and_its_parent_do_not_warn() {
    let text = r#"
[[faction]]
id = "hardline"
name = "Hardliners"
note = "t"
[[faction]]
id = "irgc"
name = "IRGC"
parent = "hardline"
note = "t"
[[outlet]]
id = "o"
name = "Javan"
note = "t"
[[tie]]
outlet = "o"
faction = "hardline"
note = "t"
[[tie]]
outlet = "o"
faction = "irgc"
note = "t"
"#;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kb.toml"), text).unwrap();
    let p = Project::load(dir.path()).unwrap();
    assert_eq!(check(&p), vec![]);
    assert!(p.issues.is_empty());
}

#[test]
fn a_reference_actor_tied_to_its_own_faction_warns() {
    let text = r#"
[[faction]]
id = "hardline"
name = "Hardliners"
reference = "leader"
note = "t"
[[actor]]
id = "leader"
name = "The Leader"
note = "t"
[[tie]]
actor = "leader"
faction = "hardline"
note = "t"
"#;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kb.toml"), text).unwrap();
    let p = Project::load(dir.path()).unwrap();
    let d: Vec<String> = check(&p).iter().map(|d| d.to_string()).collect();
    assert_eq!(
        d,
        [format!(
            "{}:2: warning: faction `hardline`: reference actor `leader` is tied to it, so the faction is compared with a member",
            dir.path().join("kb.toml").display()
        )]
    );
}

#[test]
fn kb_folder_files_are_merged_with_their_own_origins() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("kb")).unwrap();
    std::fs::write(
        dir.path().join("kb/a-factions.toml"),
        "[[faction]]\nid = \"f\"\nname = \"F\"\nnote = \"t\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("kb/b-ties.toml"),
        "\n\n[[tie]]\nactor = \"x\"\nfaction = \"f\"\nnote = \"t\"\n",
    )
    .unwrap();
    let p = Project::load(dir.path()).unwrap();
    assert_eq!(p.kb.factions.len(), 1);
    let d = check(&p);
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0].to_string(),
        format!(
            "{}:3: error: tie: unknown actor `x`",
            dir.path().join("kb/b-ties.toml").display()
        )
    );
}

fn load_error(text: &str) -> (usize, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kb.toml"), text).unwrap();
    match Project::load(dir.path()) {
        Err(KbError::Parse {
            file,
            line,
            message,
        }) => {
            assert_eq!(file, dir.path().join("kb.toml"));
            (line, message)
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn load_errors_name_file_and_line() {
    let (line, msg) = load_error("[[actor]]\nid = \"a\"\nname = \"A\"\naliases = [\"x\"\n");
    assert_eq!(line, 4, "{msg}");

    let (line, msg) = load_error("[[faction]]\nid = \"f\"\nname = \"F\"\n\n[[actor]]\nid = \"a\"\nname = \"A\"\nnickname = \"x\"\n");
    assert_eq!(line, 5);
    assert!(msg.contains("unknown field `nickname`"), "{msg}");

    let (line, msg) = load_error("[[tie]]\nactor = \"a\"\noutlet = \"o\"\nfaction = \"f\"\n");
    assert_eq!(line, 1);
    assert!(msg.contains("exactly one of"), "{msg}");

    let (line, msg) = load_error("\n[[tie]]\nactor = \"a\"\nfaction = \"f\"\nsince = 2019-01-01\n");
    assert_eq!(line, 2);
    assert!(msg.contains("unknown field `since`"), "{msg}");

    let (line, msg) = load_error("[[actors]]\nid = \"a\"\n");
    assert_eq!(line, 1);
    assert!(msg.contains("actors"), "{msg}");
}

#[test]
fn a_folder_without_kb_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        Project::load(dir.path()),
        Err(KbError::NoKb { .. })
    ));
}
