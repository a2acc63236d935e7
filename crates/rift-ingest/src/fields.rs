//! Field mapping for structured inputs (`--map text=body,title=headline`).

/// Which input field fills which article field. Defaults: `id`, `text`, `title`, `url`,
/// `outlet`, `published`; common alternatives (`body`, `content`, `headline`, `link`, `source`,
/// `media_name`, `date`, `publish_date`) are tried when the default is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMap {
    /// Field holding the article id.
    pub id: Vec<String>,
    /// Field holding the text.
    pub text: Vec<String>,
    /// Field holding the title.
    pub title: Vec<String>,
    /// Field holding the URL.
    pub url: Vec<String>,
    /// Field holding the outlet name.
    pub outlet: Vec<String>,
    /// Field holding the publication date.
    pub published: Vec<String>,
}

fn v(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

impl Default for FieldMap {
    fn default() -> Self {
        FieldMap {
            id: v(&["id", "stories_id", "guid", "uuid"]),
            text: v(&[
                "text",
                "body",
                "content",
                "article",
                "full_text",
                "maintext",
            ]),
            title: v(&["title", "headline"]),
            url: v(&["url", "link", "source_url"]),
            outlet: v(&[
                "outlet",
                "source",
                "media_name",
                "publisher",
                "site_name",
                "domain",
            ]),
            published: v(&[
                "published",
                "publish_date",
                "date",
                "pubdate",
                "published_at",
                "date_publish",
            ]),
        }
    }
}

impl FieldMap {
    /// Parses `text=body,title=headline`: each named field is tried first, then the defaults.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut m = FieldMap::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (k, val) = part
                .split_once('=')
                .ok_or_else(|| format!("--map: `{part}` is not FIELD=COLUMN"))?;
            let slot = match k.trim() {
                "id" => &mut m.id,
                "text" => &mut m.text,
                "title" => &mut m.title,
                "url" => &mut m.url,
                "outlet" => &mut m.outlet,
                "published" | "date" => &mut m.published,
                other => {
                    return Err(format!(
                        "--map: unknown field `{other}` (id, text, title, url, outlet, published)"
                    ))
                }
            };
            slot.insert(0, val.trim().to_string());
        }
        Ok(m)
    }
}
