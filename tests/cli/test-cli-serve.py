#!/usr/bin/env python3
"""`mlsysim serve`: prefill, decode, KV cache; the reference's JSON keys and Markdown table.

Hand arithmetic for Llama3_8B (8.03e9 params, 32 layers, hidden 4096, 32 heads, 8 KV heads,
head_dim 128) on an H100 (989 TFLOP/s fp16, 3.35 TB/s, 80 GiB, dispatch 0.01 ms) at fp16, η 0.5."""
from clitest import run, run_json, ok, close, done

WEIGHTS = 8.03e9 * 2                       # 16.06 GB
KV = 2 * 32 * 8 * 128 * 2048 * 1 * 2       # K and V × layers × kv heads × head_dim × S × B × 2 B
ITL_MS = (WEIGHTS + KV) / 3.35e12 * 1e3 + 32 * 0.01
# prefill: 2·P·S + 4·L·H·hd·S·S FLOPs over 989 TFLOP/s × 0.5, plus one dispatch
PREFILL = 2 * 8.03e9 * 2048 + 4 * 32 * 32 * 128 * 2048 * 2048
TTFT_MS = PREFILL / (989e12 * 0.5) * 1e3 + 0.01

status, doc, err = run_json("serve", "Llama3_8B", "H100", "--seq-len", "2048", "-o", "json")
ok(status == 0, "serve Llama3_8B H100 --seq-len 2048 -o json exits 0", err)
keys = ["model", "hardware", "seq_len", "batch_size", "precision", "efficiency", "feasible",
        "ttft_ms", "itl_ms", "tokens_per_sec", "kv_cache_gb", "memory_utilization"]
ok(list(doc.keys()) == keys, "the reference's keys, in order", list(doc.keys()))
ok(doc.get("model") == "Llama3_8B" and doc.get("hardware") == "H100" and doc.get("seq_len") == 2048
   and doc.get("batch_size") == 1 and doc.get("precision") == "fp16"
   and doc.get("efficiency") == 0.5, "echoes the inputs", doc)
ok(doc.get("feasible") is True, "feasible", doc)
ok(close(doc.get("kv_cache_gb", 0), KV / 1e9), "KV cache 0.268435456 GB", doc)
ok(close(doc.get("itl_ms", 0), ITL_MS, 1e-9), "ITL = (W + KV)/BW + 32 × 0.01 ms", doc)
ok(close(doc.get("ttft_ms", 0), TTFT_MS, 1e-9), "TTFT = prefill FLOPs / (peak·η) + dispatch", doc)
# tokens/s = batch / ITL, one decimal: 1 / 5.19416 ms = 192.5
ok(doc.get("tokens_per_sec") == round(1e3 / ITL_MS, 1), "tokens_per_sec to 1 dp", doc)
# (16.06 + 0.268) GB / 85.899 GB = 0.190, three decimals
ok(doc.get("memory_utilization") == round((WEIGHTS + KV) / 85.89934592e9, 3),
   "memory_utilization to 3 dp", doc)

# Chunked prefill: 2048 tokens in chunks of 512 = 4 chunks, each with its own dispatch
status, doc, err = run_json("serve", "Llama3_8B", "H100", "--prefill-chunk-tokens", "512",
                            "-o", "json")
ok(status == 0 and doc.get("prefill_chunks") == 4, "4 prefill chunks", doc)
ok("prefill_chunk_time_ms" in doc and "decode_stall_bound_ms" in doc, "the chunk keys", doc)
ok(close(doc.get("ttft_ms", 0), TTFT_MS + 3 * 0.01, 1e-9), "TTFT adds a dispatch per chunk", doc)

# Batch 8 at 4096 tokens: KV grows 16×, tokens/s = 8 / ITL
status, doc, err = run_json("serve", "Llama3_8B", "H100", "-s", "4096", "-b", "8", "-o", "json")
kv8 = KV * 2 * 8
itl8 = (WEIGHTS + kv8) / 3.35e12 * 1e3 + 0.32
ok(close(doc.get("kv_cache_gb", 0), kv8 / 1e9) and close(doc.get("itl_ms", 0), itl8, 1e-9),
   "batch 8 at 4096 tokens", doc)
ok(doc.get("tokens_per_sec") == round(8e3 / itl8, 1), "tokens/s counts the batch", doc)

# D23: Markdown
status, out, err = run("serve", "Llama3_8B", "H100", "-o", "markdown")
ok(status == 0 and out.startswith("## Serving Analysis") and "| TTFT (prefill) |" in out,
   "D23: the Markdown table", out)
status, out, err = run("serve", "Llama3_8B", "H100")
ok(status == 0 and "Serving Analysis: Llama3_8B on H100" in out and "ITL (decode)" in out,
   "text output", out)
# D22: html is not supported by serve
status, out, err = run("serve", "Llama3_8B", "H100", "-o", "html")
ok(status == 1 and out == "" and "not supported" in err, "D22: serve rejects html", err)

# Llama3_70B fp16: 141.2 GB of weights do not fit 80 GiB: feasible false, exit 2
status, doc, err = run_json("serve", "Llama3_70B", "H100", "-o", "json")
ok(status == 2 and doc.get("feasible") is False, "Llama3_70B does not fit: exit 2", (status, doc))

for args, needle in [
        (("serve", "ResNet50", "A100"), "transformer"),
        (("serve", "Llama3_8B", "H10"), "H100"),
        (("serve", "Llama3_8B"), "Example"),
        (("serve", "Llama3_8B", "H100", "--seq-len", "0"), "seq-len"),
        (("serve", "Llama3_8B", "H100", "--prefill-chunk-tokens", "0"), "prefill-chunk-tokens"),
        (("serve", "Llama3_8B", "H100", "-p", "fp6"), "fp6"),
        (("serve", "Llama3_8B", "H100", "-e", "2"), "efficiency")]:
    status, out, err = run(*args)
    ok(status == 1 and needle in err and out == "", f"{' '.join(args)} → exit 1 naming {needle}",
       f"{status}\n{err}")

done()
