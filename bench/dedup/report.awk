# Turns one results file of scripts/bench-dedup.sh (key<TAB>value lines) into a Markdown
# table: the engine beside the PostgreSQL peer, with ratios. Variable n: the size.
{ v[$1] = $2 }
function num(k) { return (k in v) ? v[k] + 0 : -1 }
function has(k) { return (k in v) && v[k] !~ /timeout/ }
function fmt(x, f) { return x < 0 ? "—" : sprintf(f, x) }
END {
  peer_total = has("peer_sql_s") ? num("peer_sql_s") + num("peer_cluster_s") : -1
  printf "**%s registrations** (%d people, %d true pairs)\n\n", n, num("engine_persons"),
    num("engine_true_pairs")
  print "| | sanad (`matching::Deduplicate`) | peer (PostgreSQL pg_trgm + fuzzystrmatch) | ratio |"
  print "|---|---:|---:|---:|"
  ratio = "—"
  if (peer_total > 0 && num("engine_dedup_s") > 0)
    ratio = sprintf("sanad %.1f× faster", peer_total / num("engine_dedup_s"))
  peer_time = "—"
  if ("peer_load_s" in v) {
    # A step stopped by the timeout: the seconds spent so far are a lower bound.
    spent = 0; stopped = ""
    split("load block score", steps, " ")
    for (i = 1; i <= 3; i++) {
      k = "peer_" steps[i] "_s"
      if (!(k in v)) continue
      if (v[k] ~ /timeout/) { t = v[k]; gsub(/[^0-9]/, "", t); spent += t; stopped = steps[i] }
      else spent += v[k]
    }
    peer_time = sprintf("> %.0f (%s stopped at the time limit)", spent, stopped)
    if (num("engine_dedup_s") > 0)
      ratio = sprintf("sanad > %.1f× faster", spent / num("engine_dedup_s"))
  }
  if (has("peer_sql_s")) {
    peer_time = fmt(peer_total, "%.1f")
    if (num("engine_dedup_s") > 0)
      ratio = sprintf("sanad %.1f× faster", peer_total / num("engine_dedup_s"))
  }
  f1_diff = "—"
  if (num("peer_f1") > 0) f1_diff = sprintf("%+.3f", num("engine_f1") - num("peer_f1"))
  printf "| wall time, s | %s | %s | %s |\n", fmt(num("engine_dedup_s"), "%.1f"),
    peer_time, ratio
  if (has("peer_sql_s"))
    printf "| peer steps, s | | load %.1f + block %.1f + score %.1f + cluster %.2f | |\n",
      num("peer_load_s"), num("peer_block_s"), num("peer_score_s"), num("peer_cluster_s")
  printf "| F1 of pairs in clusters | %s | %s | %s |\n", fmt(num("engine_f1"), "%.3f"),
    fmt(num("peer_f1"), "%.3f"), f1_diff
  printf "| precision / recall | %s / %s | %s / %s | |\n", fmt(num("engine_precision"), "%.3f"),
    fmt(num("engine_recall"), "%.3f"), fmt(num("peer_precision"), "%.3f"), fmt(num("peer_recall"), "%.3f")
  printf "| F1 of scored pairs (before clustering) | %s | %s | |\n", fmt(num("engine_pairs_f1"), "%.3f"),
    fmt(num("peer_pairs_f1"), "%.3f")
  printf "| threshold | %s (default) | %s (best F1 of a sweep) | |\n", fmt(num("engine_threshold"), "%.1f"),
    fmt(num("peer_threshold"), "%.3f")
  printf "| candidate pairs compared | %s | %s | |\n", fmt(num("engine_comparisons"), "%.0f"),
    fmt(num("peer_candidates"), "%.0f")
  printf "| peak memory, MB | %s (engine; process %s) | %s (database on disk) | |\n",
    fmt(num("engine_dedup_peak_mb"), "%.0f"), fmt(num("engine_process_peak_mb"), "%.0f"),
    fmt(num("peer_db_mb"), "%.0f")
  printf "| search p50 / p95 / p99, ms (%d queries; full-name and phone queries with the person in the top 10) | %s / %s / %s (%s) | | |\n",
    num("engine_search_queries"), fmt(num("engine_search_p50_ms"), "%.1f"),
    fmt(num("engine_search_p95_ms"), "%.1f"), fmt(num("engine_search_p99_ms"), "%.1f"),
    fmt(num("engine_search_hit_at_10"), "%.3f")
  printf "| \"already registered?\" p50 / p95, ms (hit in top 10) | %s / %s (%s) | | |\n",
    fmt(num("engine_find_p50_ms"), "%.1f"), fmt(num("engine_find_p95_ms"), "%.1f"),
    fmt(num("engine_find_hit_at_10"), "%.3f")
  printf "| PersonIndex build, s / heap MB | %s / %s | | |\n", fmt(num("engine_index_build_s"), "%.1f"),
    fmt(num("engine_index_mb"), "%.0f")
}
