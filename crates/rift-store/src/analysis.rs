//! Read-only queries for the analysis stage (`rift-analyze`, `rift report`, `rift export`):
//! which articles are marked copies of another, and article texts by row id in bulk.

use std::collections::{HashMap, HashSet};

use crate::{Result, Store};

impl Store {
    /// Row ids of the articles marked as a copy of another (`duplicate_of` set): their
    /// statements are counted once, through the original.
    pub fn copy_articles(&self) -> Result<HashSet<i64>> {
        let mut st = self
            .conn
            .prepare("SELECT id FROM articles WHERE duplicate_of IS NOT NULL")?;
        let ids = st.query_map([], |r| r.get::<_, i64>(0))?;
        Ok(ids.collect::<rusqlite::Result<HashSet<i64>>>()?)
    }

    /// The texts of the articles with these row ids (ids not stored are absent from the map).
    pub fn article_texts(&self, ids: &[i64]) -> Result<HashMap<i64, String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT text FROM articles WHERE id = ?1")?;
        let mut out = HashMap::with_capacity(ids.len());
        for &id in ids {
            if out.contains_key(&id) {
                continue;
            }
            let mut rows = st.query([id])?;
            if let Some(r) = rows.next()? {
                out.insert(id, r.get::<_, String>(0)?);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use rift_core::Article;

    use crate::{NewArticle, Store};

    #[test]
    fn copies_and_texts() {
        let mut store = Store::open_in_memory().unwrap();
        let a = Article::new("a", "first text");
        let b = Article::new("b", "second text");
        let out = store
            .insert_batch(&[
                NewArticle {
                    article: &a,
                    outlet_id: None,
                    statements: vec![],
                },
                NewArticle {
                    article: &b,
                    outlet_id: None,
                    statements: vec![],
                },
            ])
            .unwrap();
        let (ia, ib) = (out[0].article_id(), out[1].article_id());
        assert!(store.copy_articles().unwrap().is_empty());
        store
            .conn
            .execute(
                "UPDATE articles SET duplicate_of = ?1 WHERE id = ?2",
                [ia, ib],
            )
            .unwrap();
        assert_eq!(store.copy_articles().unwrap(), [ib].into_iter().collect());
        let texts = store.article_texts(&[ib, ia, 999]).unwrap();
        assert_eq!(texts.len(), 2);
        assert_eq!(texts[&ia], "first text");
    }
}
