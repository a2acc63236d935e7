//! Writes the seed article and its gold statements into a rift database, so that
//! `rift statements`, `rift articles` and `rift positions` can be tried before extraction runs:
//!
//! ```text
//! cargo run -p rift-store --example gold_db -- /tmp/gold.db
//! rift positions --db /tmp/gold.db --issue negotiations-with-us
//! ```

use rift_core::{Actor, Faction, IssueConfig, Outlet};
use rift_store::{NewArticle, Store};

#[path = "../fixtures/gold.rs"]
mod gold;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: gold_db OUT.db")?;
    let mut store = Store::open(&path)?;
    let faction = |id: &str, name: &str, parent: Option<&str>| Faction {
        id: id.into(),
        name: name.into(),
        parent: parent.map(str::to_string),
        ..Default::default()
    };
    let factions = [
        faction("hardline", "Hardliners", None),
        faction("irgc", "IRGC", Some("hardline")),
        faction("basij", "IRGC Basij", Some("irgc")),
        faction("rouhani", "Rouhani faction", None),
    ];
    let article = gold::seed_article();
    let statements = gold::gold_statements(&article);
    let mut actors: Vec<Actor> = Vec::new();
    let mut outlets: Vec<Outlet> = Vec::new();
    for (s, _) in &statements {
        if let (Some(id), Some(name)) = (&s.source.actor, &s.source.name) {
            if !actors.iter().any(|a| &a.id == id) {
                actors.push(Actor {
                    id: id.clone(),
                    name: name.clone(),
                    ..Default::default()
                });
            }
        }
        if let Some(o) = &s.outlet {
            let id = o.id.clone().unwrap_or_default();
            if !outlets.iter().any(|x| x.id == id) {
                outlets.push(Outlet {
                    id,
                    name: o.name.clone(),
                    ..Default::default()
                });
            }
        }
    }
    let issue = |id: &str, q: &str| IssueConfig {
        id: id.into(),
        question: q.into(),
        terms: vec!["negotiat*".into()],
        reference: Some("ali-khamenei".into()),
        ..Default::default()
    };
    let issues = [
        issue("negotiations-with-us", "Should Iran negotiate with the US?"),
        issue(
            "negotiations-with-europe",
            "Should Iran negotiate with Europe?",
        ),
    ];
    store.save_project(&factions, &actors, &outlets, &issues)?;
    let out = store.insert_batch(&[NewArticle {
        article: &article,
        outlet_id: None,
        statements,
    }])?;
    store.record_input(
        gold::SEED,
        None,
        out[0].status(),
        None,
        Some(out[0].article_id()),
    )?;
    eprintln!("{path}: {:?}", out[0]);
    Ok(())
}
