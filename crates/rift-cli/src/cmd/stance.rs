//! `rift stance`: train, apply and evaluate the trained stance model (`rift_stance::model`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context};
use rift_core::StanceLabel;
use rift_stance::model::data::{self, DataFormat, Example};
use rift_stance::model::embed::{Embedder, DEFAULT_LAYERS, DEFAULT_SCALE};
use rift_stance::model::eval::{majority_label, Metrics};
use rift_stance::model::wordvec::{self, WordVectors};
use rift_stance::model::{cross_validate_full, Dense, FeatureConfig, Loss, WordDense};
use rift_stance::{StanceModel, TrainConfig};

/// Arguments of `rift stance`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand, Debug)]
enum Command {
    /// Train a model on labelled data and write the model file.
    Train(TrainArgs),
    /// Label `{id, text}` JSONL lines with a model; writes `{id, label, score, confidence}`.
    Predict(PredictArgs),
    /// Score a model (`--model`), k-fold cross-validation (`--cv`), or SemEval train → val.
    Eval(EvalArgs),
}

/// Where the data is and how to train.
#[derive(clap::Args, Debug)]
struct DataArgs {
    /// Data file (jsonl, gwsd) or folder (semeval: one target, or a folder of targets).
    #[arg(long)]
    data: PathBuf,
    /// jsonl | gwsd | semeval.
    #[arg(long, default_value = "jsonl")]
    format: String,
    /// Issue id: keeps jsonl records of this issue; selects a SemEval target folder.
    #[arg(long)]
    issue: Option<String>,
    /// Cost C (inverse regularisation strength).
    #[arg(long, default_value_t = TrainConfig::default().c)]
    c: f64,
    /// Loss: `lr` (logistic regression, default) or `svm` (squared-hinge linear SVM).
    #[arg(long, default_value = "lr")]
    loss: String,
    /// Train on the label probabilities when the data has them (GWSD) instead of the winning
    /// label weighted by its probability.
    #[arg(long)]
    soft_labels: bool,
    /// Minimum document frequency of an n-gram.
    #[arg(long, default_value_t = FeatureConfig::default().min_df)]
    min_df: usize,
    /// Add sentence embeddings from this all-MiniLM-L6-v2 folder (`model.safetensors`,
    /// `config.json`, `tokenizer.json`) to the features. Needs a build with
    /// `--features rift-stance/embed`.
    #[arg(long)]
    embed_model: Option<PathBuf>,
    /// Encoder layers whose mean-pooled states are used (comma-separated, 1-based).
    #[arg(long, value_delimiter = ',', default_values_t = DEFAULT_LAYERS)]
    embed_layers: Vec<usize>,
    /// Scale of the embedding block against the unit-length n-gram block.
    #[arg(long, default_value_t = DEFAULT_SCALE)]
    embed_scale: f64,
    /// Add static word-piece vectors from this table (built once by the `distill_wordvec`
    /// example of rift-stance from the all-MiniLM-L6-v2 folder; see docs/stance.md). Works in
    /// the default build.
    #[arg(long)]
    word_vectors: Option<PathBuf>,
    /// Scale of the word-vector block against the unit-length n-gram block.
    #[arg(long, default_value_t = wordvec::DEFAULT_SCALE)]
    word_vectors_scale: f64,
}

/// The word-vector table named by `--word-vectors`, if any.
fn word_dense(d: &DataArgs) -> anyhow::Result<Option<WordDense>> {
    let Some(path) = &d.word_vectors else {
        return Ok(None);
    };
    Ok(Some(WordDense {
        vectors: Arc::new(WordVectors::load(path)?),
        scale: d.word_vectors_scale,
    }))
}

/// The encoder named by `--embed-model`, if any.
struct Encoder {
    embedder: Arc<Embedder>,
    layers: Vec<usize>,
    scale: f64,
}

impl Encoder {
    fn from_args(d: &DataArgs) -> anyhow::Result<Option<Self>> {
        let Some(dir) = &d.embed_model else {
            return Ok(None);
        };
        let started = Instant::now();
        let embedder = Arc::new(Embedder::load(dir)?);
        tracing::info!(dir = %dir.display(), seconds = started.elapsed().as_secs_f64(), "sentence encoder loaded");
        Ok(Some(Encoder {
            embedder,
            layers: d.embed_layers.clone(),
            scale: d.embed_scale,
        }))
    }

    fn vectors(&self, examples: &[Example]) -> anyhow::Result<Vec<Vec<f32>>> {
        let started = Instant::now();
        let texts: Vec<&str> = examples.iter().map(|e| e.text.as_str()).collect();
        let v = self.embedder.embed(&texts, &self.layers)?;
        eprintln!(
            "embedded {} texts in {:.1} s",
            texts.len(),
            started.elapsed().as_secs_f64()
        );
        Ok(v)
    }

    fn dense<'a>(&self, vectors: &'a [Vec<f32>]) -> Dense<'a> {
        Dense {
            embedder: self.embedder.clone(),
            layers: self.layers.clone(),
            scale: self.scale,
            vectors,
        }
    }
}

/// Trains on `examples`, with the encoder's embeddings when there is one.
fn train_model(
    examples: &[Example],
    cfg: &TrainConfig,
    issue: Option<String>,
    enc: Option<&Encoder>,
    words: Option<WordDense>,
) -> anyhow::Result<StanceModel> {
    Ok(match enc {
        Some(enc) => {
            let v = enc.vectors(examples)?;
            StanceModel::train_full(examples, cfg, issue, Some(enc.dense(&v)), words)?
        }
        None => StanceModel::train_full(examples, cfg, issue, None, words)?,
    })
}

/// Labels of `examples` by `model` (embeddings in batches).
fn labels_of(model: &StanceModel, examples: &[Example]) -> anyhow::Result<Vec<StanceLabel>> {
    let texts: Vec<&str> = examples.iter().map(|e| e.text.as_str()).collect();
    Ok(model
        .predict_batch(&texts)?
        .into_iter()
        .map(|p| p.label)
        .collect())
}

#[derive(clap::Args, Debug)]
struct TrainArgs {
    #[command(flatten)]
    data: DataArgs,
    /// Model file to write.
    #[arg(long)]
    out: PathBuf,
}

#[derive(clap::Args, Debug)]
struct PredictArgs {
    /// Model file.
    #[arg(long)]
    model: PathBuf,
    /// JSONL input, `{id, text}` per line.
    #[arg(long)]
    data: PathBuf,
    /// Input format (only jsonl).
    #[arg(long, default_value = "jsonl")]
    format: String,
    /// Sentence-encoder folder for a model trained with embeddings (default: the folder
    /// recorded in the model file).
    #[arg(long)]
    embed_model: Option<PathBuf>,
    /// Word-vector table for a model trained with one (default: the file recorded in the
    /// model file).
    #[arg(long)]
    word_vectors: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct EvalArgs {
    #[command(flatten)]
    data: DataArgs,
    /// Stratified k-fold cross-validation with this many folds.
    #[arg(long)]
    cv: Option<usize>,
    /// Score this model file on the data (SemEval: on the val split).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Print the metrics as JSON.
    #[arg(long)]
    json: bool,
}

/// Runs `rift stance`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Train(a) => train(a),
        Command::Predict(a) => predict(a),
        Command::Eval(a) => eval(a),
    }
}

fn format_of(s: &str) -> anyhow::Result<DataFormat> {
    DataFormat::parse(s).with_context(|| format!("unknown --format `{s}` (jsonl, gwsd, semeval)"))
}

fn config(d: &DataArgs) -> anyhow::Result<TrainConfig> {
    let loss =
        Loss::parse(&d.loss).with_context(|| format!("unknown --loss `{}` (lr, svm)", d.loss))?;
    Ok(TrainConfig {
        c: d.c,
        loss,
        soft_labels: d.soft_labels,
        features: FeatureConfig {
            min_df: d.min_df,
            ..FeatureConfig::default()
        },
        ..TrainConfig::default()
    })
}

/// SemEval target folders, narrowed by `--issue`.
fn semeval_dirs(d: &DataArgs) -> anyhow::Result<Vec<PathBuf>> {
    let mut dirs = data::semeval_targets(&d.data)?;
    if let Some(issue) = &d.issue {
        dirs.retain(|p| p.file_name().is_some_and(|n| n == issue.as_str()));
        if dirs.is_empty() {
            bail!("no SemEval target `{issue}` under {}", d.data.display());
        }
    }
    Ok(dirs)
}

/// Every labelled example of jsonl / gwsd data (SemEval: train and val of all chosen targets).
fn load_all(d: &DataArgs) -> anyhow::Result<Vec<Example>> {
    let mut v = match format_of(&d.format)? {
        DataFormat::Jsonl => data::read_jsonl(&d.data, true)?,
        DataFormat::Gwsd => data::read_gwsd(&d.data)?,
        DataFormat::Semeval => {
            let mut v = Vec::new();
            for dir in semeval_dirs(d)? {
                let (train, val) = data::read_semeval_target(&dir)?;
                v.extend(train);
                v.extend(val);
            }
            return Ok(v);
        }
    };
    if let Some(issue) = &d.issue {
        v.retain(|e| e.issue.as_deref().is_none_or(|i| i == issue));
    }
    Ok(v)
}

fn train(a: TrainArgs) -> anyhow::Result<ExitCode> {
    if format_of(&a.data.format)? == DataFormat::Semeval && semeval_dirs(&a.data)?.len() > 1 {
        bail!("a SemEval model is per target: pick one with --issue or point --data at it");
    }
    let examples = load_all(&a.data)?;
    let started = Instant::now();
    let enc = Encoder::from_args(&a.data)?;
    let model = train_model(
        &examples,
        &config(&a.data)?,
        a.data.issue.clone(),
        enc.as_ref(),
        word_dense(&a.data)?,
    )?;
    tracing::info!(
        examples = examples.len(),
        features = model.features.len(),
        seconds = started.elapsed().as_secs_f64(),
        "trained"
    );
    model.save(&a.out)?;
    eprintln!(
        "trained on {} examples ({} features) in {:.2} s → {}",
        examples.len(),
        model.features.len(),
        started.elapsed().as_secs_f64(),
        a.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn predict(a: PredictArgs) -> anyhow::Result<ExitCode> {
    if format_of(&a.format)? != DataFormat::Jsonl {
        bail!("rift stance predict reads jsonl only");
    }
    let model = StanceModel::load_full(
        &a.model,
        a.embed_model.as_deref(),
        a.word_vectors.as_deref(),
    )?;
    let input = data::read_jsonl(&a.data, false)?;
    let texts: Vec<&str> = input.iter().map(|e| e.text.as_str()).collect();
    let preds = model.predict_batch(&texts)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (e, p) in input.iter().zip(preds) {
        let line = serde_json::json!({
            "id": e.id,
            "label": p.label,
            "score": (p.score * 1000.0).round() / 1000.0,
            "confidence": (p.confidence * 1000.0).round() / 1000.0,
        });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Metrics of one evaluation, with the majority-class baseline beside it.
struct Scored {
    name: String,
    gold: Vec<StanceLabel>,
    pred: Vec<StanceLabel>,
    majority: Vec<StanceLabel>,
}

fn eval(a: EvalArgs) -> anyhow::Result<ExitCode> {
    let cfg = config(&a.data)?;
    let format = format_of(&a.data.format)?;
    let enc = if a.model.is_some() {
        None
    } else {
        Encoder::from_args(&a.data)?
    };
    let words = if a.model.is_some() {
        None
    } else {
        word_dense(&a.data)?
    };
    let mut runs: Vec<Scored> = Vec::new();
    if let Some(path) = &a.model {
        let model = StanceModel::load_full(
            path,
            a.data.embed_model.as_deref(),
            a.data.word_vectors.as_deref(),
        )?;
        let examples = if format == DataFormat::Semeval {
            let mut v = Vec::new();
            for dir in semeval_dirs(&a.data)? {
                v.extend(data::read_semeval_target(&dir)?.1);
            }
            v
        } else {
            load_all(&a.data)?
        };
        let gold: Vec<StanceLabel> = examples.iter().map(|e| e.label).collect();
        let pred = labels_of(&model, &examples)?;
        let train_major = model
            .trained_on
            .iter()
            .max_by_key(|(_, n)| **n)
            .and_then(|(l, _)| StanceLabel::parse(l))
            .unwrap_or(StanceLabel::Neutral);
        runs.push(Scored {
            name: format!("model {}", path.display()),
            majority: vec![train_major; gold.len()],
            gold,
            pred,
        });
    } else if let Some(k) = a.cv {
        if k < 2 {
            bail!("--cv needs at least 2 folds");
        }
        let groups: Vec<(String, Vec<Example>)> = if format == DataFormat::Semeval {
            semeval_dirs(&a.data)?
                .iter()
                .map(|dir| {
                    let (mut t, v) = data::read_semeval_target(dir)?;
                    t.extend(v);
                    Ok((target_name(dir), t))
                })
                .collect::<anyhow::Result<_>>()?
        } else {
            vec![(a.data.data.display().to_string(), load_all(&a.data)?)]
        };
        for (name, examples) in groups {
            let vectors = match &enc {
                Some(enc) => enc.vectors(&examples)?,
                None => Vec::new(),
            };
            let started = Instant::now();
            let dense = enc.as_ref().map(|e| e.dense(&vectors));
            let cv = cross_validate_full(&examples, &cfg, k, dense, words.clone())?;
            eprintln!(
                "{name}: {k}-fold CV in {:.2} s; macro-F1 per fold {:?}",
                started.elapsed().as_secs_f64(),
                cv.fold_macro_f1
                    .iter()
                    .map(|f| (f * 1000.0).round() / 1000.0)
                    .collect::<Vec<_>>()
            );
            let gold: Vec<StanceLabel> = examples.iter().map(|e| e.label).collect();
            let major = majority_label(&gold).unwrap_or(StanceLabel::Neutral);
            runs.push(Scored {
                name: format!("{name} ({k}-fold CV)"),
                pred: cv.predictions,
                majority: vec![major; gold.len()],
                gold,
            });
        }
    } else if format == DataFormat::Semeval {
        for dir in semeval_dirs(&a.data)? {
            let (train, val) = data::read_semeval_target(&dir)?;
            let started = Instant::now();
            let model = train_model(
                &train,
                &cfg,
                Some(target_name(&dir)),
                enc.as_ref(),
                words.clone(),
            )?;
            eprintln!(
                "{}: trained on {} in {:.2} s",
                target_name(&dir),
                train.len(),
                started.elapsed().as_secs_f64()
            );
            let tl: Vec<StanceLabel> = train.iter().map(|e| e.label).collect();
            let major = majority_label(&tl).unwrap_or(StanceLabel::Neutral);
            runs.push(Scored {
                name: format!("{} (train → val)", target_name(&dir)),
                gold: val.iter().map(|e| e.label).collect(),
                pred: labels_of(&model, &val)?,
                majority: vec![major; val.len()],
            });
        }
    } else {
        bail!(
            "rift stance eval needs --model MODEL or --cv K (or --format semeval for train → val)"
        );
    }
    if runs.len() > 1 {
        let pooled = Scored {
            name: "pooled".into(),
            gold: runs.iter().flat_map(|r| r.gold.clone()).collect(),
            pred: runs.iter().flat_map(|r| r.pred.clone()).collect(),
            majority: runs.iter().flat_map(|r| r.majority.clone()).collect(),
        };
        runs.push(pooled);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if a.json {
        let v: Vec<serde_json::Value> = runs
            .iter()
            .map(|r| {
                serde_json::json!({
                    "name": r.name,
                    "model": Metrics::compute(&r.gold, &r.pred),
                    "majority": Metrics::compute(&r.gold, &r.majority),
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        for r in &runs {
            let m = Metrics::compute(&r.gold, &r.pred);
            let b = Metrics::compute(&r.gold, &r.majority);
            writeln!(out, "== {}\n{m}", r.name)?;
            writeln!(
                out,
                "  majority baseline: accuracy={:.4}  macro-F1={:.4}  F_avg={:.4}\n",
                b.accuracy, b.macro_f1, b.f_avg
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn target_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.display().to_string())
}
