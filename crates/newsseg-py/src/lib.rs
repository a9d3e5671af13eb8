//! Python bindings of newsseg: the native module `newsseg._native`, re-exported by the
//! pure-Python package `newsseg` (`python/newsseg/__init__.py`).
//!
//! Results are the core crate's `Segmentation` and `records::ArticleRecord` as dicts and
//! lists with exactly the keys and shapes of the JSON that `newsseg segment` and
//! `newsseg batch --split` write, plus character offsets next to byte offsets in
//! segmentation blocks. A configuration dict is read with `pythonize` through the same serde
//! model as TOML. Bad input raises a Python exception; nothing panics.

use newsseg::records::{self, ArticleRecord, CharOffsets};
use newsseg::{BlockSpan, Config, Segmentation};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use pyo3::IntoPyObjectExt;
use rayon::prelude::*;

/// A `dict` of `(key, value)` pairs, in order.
fn dict<'py>(
    py: Python<'py>,
    items: impl IntoIterator<Item = (&'static str, Bound<'py, PyAny>)>,
) -> PyResult<Bound<'py, PyAny>> {
    let d = PyDict::new(py);
    for (k, v) in items {
        d.set_item(k, v)?;
    }
    Ok(d.into_any())
}

/// A Python object of a Rust value (int, str, list).
fn obj<'py>(py: Python<'py>, value: impl IntoPyObject<'py>) -> PyResult<Bound<'py, PyAny>> {
    value.into_bound_py_any(py)
}

/// A segmentation block as a dict: its byte offsets, then its character offsets in the text
/// (`offsets` indexes every block offset), lines and role.
fn block_dict<'py>(
    py: Python<'py>,
    b: &BlockSpan,
    offsets: &CharOffsets,
) -> PyResult<Bound<'py, PyAny>> {
    dict(
        py,
        [
            ("start", obj(py, b.start)?),
            ("end", obj(py, b.end)?),
            ("char_start", obj(py, offsets.chars_at(b.start))?),
            ("char_end", obj(py, offsets.chars_at(b.end))?),
            ("line_start", obj(py, b.line_start)?),
            ("line_end", obj(py, b.line_end)?),
            ("role", obj(py, b.role.as_str())?),
        ],
    )
}

/// The segmentation contract of `newsseg segment` as a dict, with character offsets.
fn segmentation_dict<'py>(
    py: Python<'py>,
    text: &str,
    seg: &Segmentation,
) -> PyResult<Bound<'py, PyAny>> {
    let offsets = CharOffsets::new(text, seg.all_blocks().flat_map(|b| [b.start, b.end]));
    let blocks = |blocks: &[BlockSpan]| -> PyResult<Bound<'py, PyAny>> {
        let items = blocks
            .iter()
            .map(|b| block_dict(py, b, &offsets))
            .collect::<PyResult<Vec<_>>>()?;
        obj(py, items)
    };
    let articles = seg
        .articles
        .iter()
        .map(|a| {
            dict(
                py,
                [
                    ("title", obj(py, &a.title)?),
                    ("blocks", blocks(&a.blocks)?),
                ],
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    dict(
        py,
        [
            ("articles", obj(py, articles)?),
            ("dropped", blocks(&seg.dropped)?),
        ],
    )
}

/// An `[start, end)` span list as a list of 2-item lists, as in the JSON records.
fn spans_list<'py>(py: Python<'py>, spans: &[[usize; 2]]) -> PyResult<Bound<'py, PyAny>> {
    let items = spans
        .iter()
        .map(|s| obj(py, s.to_vec()))
        .collect::<PyResult<Vec<_>>>()?;
    obj(py, items)
}

/// The `--split` records of a segmentation of `text` as dicts with the keys and order of
/// `newsseg batch --split` (without `id`).
fn records_list<'py>(
    py: Python<'py>,
    text: &str,
    seg: &Segmentation,
) -> PyResult<Bound<'py, PyAny>> {
    let items = records::split(text, seg)
        .iter()
        .map(|r| record_dict(py, r))
        .collect::<PyResult<Vec<_>>>()?;
    obj(py, items)
}

/// One [`ArticleRecord`] as a dict.
fn record_dict<'py>(py: Python<'py>, r: &ArticleRecord) -> PyResult<Bound<'py, PyAny>> {
    let roles: Vec<&str> = r.roles.iter().map(|role| role.as_str()).collect();
    dict(
        py,
        [
            ("article", obj(py, r.article)?),
            ("title", obj(py, &r.title)?),
            ("text", obj(py, &r.text)?),
            ("roles", obj(py, roles)?),
            ("spans", spans_list(py, &r.spans)?),
            ("char_spans", spans_list(py, &r.char_spans)?),
        ],
    )
}

/// `{"records": [...], "dropped_lines": n}`: the records of a segmentation of `text` and the
/// number of input lines set aside.
fn split_dict<'py>(py: Python<'py>, text: &str, seg: &Segmentation) -> PyResult<Bound<'py, PyAny>> {
    let dropped_lines: usize = seg
        .dropped
        .iter()
        .map(|b| b.line_end + 1 - b.line_start)
        .sum();
    dict(
        py,
        [
            ("records", records_list(py, text, seg)?),
            ("dropped_lines", obj(py, dropped_lines)?),
        ],
    )
}

/// The text of argument `what`, or a `TypeError` naming the argument and the type received.
fn text_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{what} must be str, not {}",
            obj.get_type().name()?
        ))),
    }
}

/// The texts of an iterable of `str`, or a `TypeError` naming the first bad item.
fn texts_arg(texts: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str, not a single str",
        ));
    }
    texts
        .try_iter()
        .map_err(|_| {
            PyTypeError::new_err(format!(
                "texts must be an iterable of str, not {}",
                texts
                    .get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })?
        .enumerate()
        .map(|(i, item)| text_arg(&item?, &format!("texts[{i}]")))
        .collect()
}

/// The configuration from `None`, TOML text or a dict of the same structure.
fn config_arg(config: Option<&Bound<'_, PyAny>>) -> PyResult<Config> {
    let invalid = |e: &dyn std::fmt::Display| PyValueError::new_err(e.to_string());
    match config {
        None => Ok(Config::default()),
        Some(c) if c.is_none() => Ok(Config::default()),
        Some(c) if c.is_instance_of::<PyString>() => {
            Config::from_toml(&text_arg(c, "config")?).map_err(|e| invalid(&e))
        }
        Some(c) if c.is_instance_of::<PyDict>() => pythonize::depythonize::<Config>(c)
            .map_err(|e| invalid(&format!("invalid configuration: {e}"))),
        Some(c) => Err(PyTypeError::new_err(format!(
            "config must be None, str (TOML) or dict, not {}",
            c.get_type().name()?
        ))),
    }
}

/// Runs `f` over `texts` on all cores, or on a pool of `threads` workers when given (in the
/// calling thread for one).
fn par_map<T: Send>(
    texts: &[String],
    threads: Option<usize>,
    f: impl Fn(&str) -> T + Sync + Send,
) -> PyResult<Vec<T>> {
    let run = || texts.par_iter().map(|t| f(t)).collect();
    match threads {
        None => Ok(run()),
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(1) => Ok(texts.iter().map(|t| f(t)).collect()),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map(|pool| pool.install(run))
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start {n} threads: {e}"))),
    }
}

/// Splits Chinese newspaper page dumps into articles.
///
/// `Segmenter(config=None)`: `config` is TOML text or a dict of the same structure (see
/// docs/ARCHITECTURE.md, "Configuration"); unknown keys and out-of-range values raise
/// `ValueError`. A segmenter is immutable and thread-safe; build it once and reuse it.
#[pyclass(module = "newsseg", frozen)]
struct Segmenter {
    inner: newsseg::Segmenter,
}

/// Renders one segmented dump as a Python object.
type Render<'py> = fn(Python<'py>, &str, &Segmentation) -> PyResult<Bound<'py, PyAny>>;

impl Segmenter {
    /// Segments `texts` in parallel with the GIL released, then renders each result in order.
    fn render_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
        render: Render<'py>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let texts = texts_arg(texts)?;
        let segs = py.detach(|| par_map(&texts, threads, |t| self.inner.segment(t)))?;
        texts
            .iter()
            .zip(&segs)
            .map(|(t, s)| render(py, t, s))
            .collect()
    }
}

#[pymethods]
impl Segmenter {
    #[new]
    #[pyo3(signature = (config = None))]
    fn new(config: Option<&Bound<'_, PyAny>>) -> PyResult<Segmenter> {
        let config = config_arg(config)?;
        let inner =
            newsseg::Segmenter::new(config).map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Segmenter { inner })
    }

    /// Segments one dump: `{"articles": [{"title", "blocks"}], "dropped": [...]}`, each block
    /// `{"start", "end", "char_start", "char_end", "line_start", "line_end", "role"}`.
    /// `start`/`end` are UTF-8 byte offsets, `char_start`/`char_end` offsets into the Python
    /// string, lines are 1-based and inclusive.
    fn segment<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text = text_arg(text, "text")?;
        let seg = py.detach(|| self.inner.segment(&text));
        segmentation_dict(py, &text, &seg)
    }

    /// Segments many dumps in parallel with the GIL released: one `segment` dict per text, in
    /// order. `threads`: size of a dedicated thread pool (default: all cores).
    #[pyo3(signature = (texts, threads = None))]
    fn segment_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.render_many(py, texts, threads, segmentation_dict)
    }

    /// The training-corpus records of one dump, one per article, exactly as
    /// `newsseg batch --split` writes them (without the `id`): `{"article", "title", "text",
    /// "roles", "spans", "char_spans"}`.
    fn split<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let text = text_arg(text, "text")?;
        let seg = py.detach(|| self.inner.segment(&text));
        records_list(py, &text, &seg)
    }

    /// `split` for many dumps in parallel with the GIL released, with the number of input
    /// lines set aside (page furniture, duplicates): one `{"records": [...],
    /// "dropped_lines": n}` per text, in order. `threads` as for `segment_many`.
    #[pyo3(signature = (texts, threads = None))]
    fn split_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.render_many(py, texts, threads, split_dict)
    }

    fn __repr__(&self) -> String {
        format!("Segmenter(detectors={:?})", self.inner.detector_names())
    }
}

/// The native part of the `newsseg` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Segmenter>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
